/** One date format everywhere, in UTC so every administrator reads the same time for the same event. */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '—';
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function formatDate(date: Date | null | undefined): string {
  if (!date) return '—';
  return date.toISOString().slice(0, 10);
}
