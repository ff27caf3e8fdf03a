// The Connections search matches each typed word against the beginnings of the words in a connection's name,
// its service's name and its tenant's name ("cont smtp" finds "SMTP relay" at tenant "Contoso"), case-insensitively.
// Connection names are indexed word by word in ServiceConnectionTerm; services and tenants are few and matched
// directly. Universal: pure string work.

const MAX_WORD = 40;
const MAX_QUERY_WORDS = 5;

/** Lower-case words of letters and digits, each at most MAX_WORD characters. */
export function wordsOf(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => Array.from(word).slice(0, MAX_WORD).join(''));
  return [...new Set(words)];
}

export function queryWords(query: string): string[] {
  return wordsOf(query).slice(0, MAX_QUERY_WORDS);
}

/**
 * Terms are stored hex-encoded (UTF-8): "starts with" then becomes the range [hex, hex + "g"), which orders the
 * same under SQLite's byte order and under any PostgreSQL collation (digits and a–g sort alike everywhere), so the
 * primary-key index answers it. Plain text would need the C collation for the range to be exact.
 */
export function encodeTerm(word: string): string {
  return Array.from(new TextEncoder().encode(word), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function termsOfName(name: string): string[] {
  return wordsOf(name).map(encodeTerm);
}

export function termPrefixRange(word: string): { gte: string; lt: string } {
  const hex = encodeTerm(word);
  return { gte: hex, lt: `${hex}g` };
}

/** Whether every query word starts some word of `text`, as the index lookup decides for connection names. */
export function matchesWordPrefix(text: string, word: string): boolean {
  return wordsOf(text).some((candidate) => candidate.startsWith(word));
}
