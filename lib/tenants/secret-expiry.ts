// How soon a tenant's client secret expires, for the list's warnings. Universal: pure date arithmetic in UTC, the
// zone every date in the console is shown in.

export type SecretExpiryLevel = 'none' | 'ok' | 'soon' | 'urgent' | 'expired';

export interface SecretExpiry {
  level: SecretExpiryLevel;
  /** Whole days from today (UTC) to the expiry date; negative once expired. */
  days: number | null;
  message: string | null;
}

const DAY_MS = 86_400_000;
export const WARN_DAYS = 30;
export const URGENT_DAYS = 7;

function utcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function secretExpiry(expiresAt: Date | null | undefined, now: Date = new Date()): SecretExpiry {
  if (!expiresAt) return { level: 'none', days: null, message: null };
  const days = utcDay(expiresAt) - utcDay(now);
  const date = expiresAt.toISOString().slice(0, 10);
  if (days < 0) return { level: 'expired', days, message: `Client secret expired on ${date}` };
  if (days === 0) return { level: 'urgent', days, message: 'Client secret expires today' };
  const inDays = `Client secret expires in ${days} day${days === 1 ? '' : 's'}`;
  if (days <= URGENT_DAYS) return { level: 'urgent', days, message: inDays };
  if (days <= WARN_DAYS) return { level: 'soon', days, message: inDays };
  return { level: 'ok', days, message: null };
}
