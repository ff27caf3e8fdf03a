/** An SMTP answer for smtp-server: the reply code and the text after it (which starts with the enhanced code). */
export function smtpRefusal(responseCode: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode });
}
