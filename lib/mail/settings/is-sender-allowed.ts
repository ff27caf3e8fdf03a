// Whether a From address a program asked for is allowed: the Default Sender, or one of the allowed senders (an
// address, or "@domain" for every address of that domain). Universal.
export function isSenderAllowed(address: string, defaultSender: string, allowedSenders: readonly string[]): boolean {
  const wanted = address.trim().toLowerCase();
  if (wanted === defaultSender.toLowerCase()) return true;
  const domain = wanted.slice(wanted.lastIndexOf('@'));
  return allowedSenders.some((entry) => entry === wanted || (entry.startsWith('@') && entry === domain));
}
