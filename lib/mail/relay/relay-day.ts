/** The UTC day a relay client's counters count (YYYY-MM-DD). Universal. */
export function relayDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}
