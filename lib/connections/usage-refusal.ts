// The message for a delete that is refused because something still uses the record; it names the users so the
// administrator knows where to go. Universal.
export function usageRefusal(subject: string, names: string[], total: number, advice: string): string {
  const listed = names.map((name) => `“${name}”`).join(', ');
  const more = total > names.length ? ` and ${total - names.length} more` : '';
  const users = total === 1 ? 'the connection' : `${total} connections:`;
  return `${subject} is used by ${users} ${listed}${more}. ${advice}`;
}
