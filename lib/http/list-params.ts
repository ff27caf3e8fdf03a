// Page numbers and search words read from a list page's URL. Universal. A URL is attacker-typed input: a page
// number of twenty digits, a repeated parameter (an array) or a NUL byte (which PostgreSQL refuses in text) must
// give a page, never a 500.

type Raw = string | string[] | undefined;

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
  return (first(value) ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
}
