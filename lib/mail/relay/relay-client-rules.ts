// What a relay client's stored lists hold (JSON arrays of strings), read tolerantly: anything malformed is "none",
// which refuses rather than opens. Universal.

export function readStringList(json: string | null | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
