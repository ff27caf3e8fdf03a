// A list page's state read from its URL, the one way every list does it (Connections, Outbox, Audit log, a robot
// mailbox's messages): the page number, the search words, and a choice among known values (sort, direction,
// filter). Universal. A URL is attacker-typed input: a page number of twenty digits, a repeated parameter (an array:
// its first value counts) or a NUL byte (which PostgreSQL refuses in text) must give a page, never a 500.

export type RawParam = string | string[] | undefined;
type Raw = RawParam;

/** Lists stop at this page: far beyond any real list, and small enough that `skip` stays a safe integer. */
export const MAX_PAGE = 100_000;

function first(value: Raw): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function pageNumberOf(value: Raw): number {
  const digits = /^\s*(\d{1,9})\s*$/.exec(first(value) ?? '')?.[1];
  return Math.min(MAX_PAGE, Math.max(1, digits ? Number(digits) : 1));
}

/** Search text without control characters (NUL included), trimmed to 200 characters. */
export function searchTextOf(value: Raw): string {
  return (first(value) ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** One of `choices`, or `fallback` for anything else (absent, unknown, differently cased). */
export function choiceOf<T extends string>(value: Raw, choices: readonly T[], fallback: T): T {
  const text = first(value);
  return (choices as readonly string[]).includes(text ?? '') ? (text as T) : fallback;
}
