// How soon a tenant's credential (a client secret or a certificate) expires, for the warnings on the start page, the
// Tenants list and the tenant page. Universal: pure date arithmetic in UTC, the zone every date in the console is
// shown in.

export type SecretExpiryLevel = 'none' | 'ok' | 'notice' | 'soon' | 'urgent' | 'expired';

export interface SecretExpiry {
  level: SecretExpiryLevel;
  /** Whole days from today (UTC) to the expiry date; negative once expired. */
  days: number | null;
  message: string | null;
}

const DAY_MS = 86_400_000;
/** Warnings at 60, 30 and 7 days ahead, and once expired (the notifications use the same steps). */
export const NOTICE_DAYS = 60;
export const WARN_DAYS = 30;
export const URGENT_DAYS = 7;

function utcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** `what` names the credential in the message: "Client secret" or "Certificate". */
export function secretExpiry(
  expiresAt: Date | null | undefined,
  now: Date = new Date(),
  what = 'Client secret',
): SecretExpiry {
  if (!expiresAt) return { level: 'none', days: null, message: null };
  const days = utcDay(expiresAt) - utcDay(now);
  const date = expiresAt.toISOString().slice(0, 10);
  if (days < 0) return { level: 'expired', days, message: `${what} expired on ${date}` };
  if (days === 0) return { level: 'urgent', days, message: `${what} expires today` };
  const inDays = `${what} expires in ${days} day${days === 1 ? '' : 's'}`;
  if (days <= URGENT_DAYS) return { level: 'urgent', days, message: inDays };
  if (days <= WARN_DAYS) return { level: 'soon', days, message: inDays };
  if (days <= NOTICE_DAYS) return { level: 'notice', days, message: inDays };
  return { level: 'ok', days, message: null };
}

export interface TenantCredentialDates {
  credentialType: string;
  clientSecretExpiresAt: Date | null;
  certificateExpiresAt: Date | null;
}

/** The expiry of the credential the tenant signs in with now (the other one, if stored, is not in use). */
export function tenantCredentialExpiry(tenant: TenantCredentialDates, now: Date = new Date()): SecretExpiry {
  return tenant.credentialType === 'certificate'
    ? secretExpiry(tenant.certificateExpiresAt, now, 'Certificate')
    : secretExpiry(tenant.clientSecretExpiresAt, now);
}

/** How strongly a page marks it: a notice at 60 days, a warning at 30, danger at 7 and after. */
export function expiryTone(expiry: SecretExpiry): 'info' | 'warning' | 'danger' {
  return expiry.level === 'notice' ? 'info' : expiry.level === 'soon' ? 'warning' : 'danger';
}

/** Worth a warning: within 60 days or expired. */
export function needsRenewal(expiry: SecretExpiry): boolean {
  return expiry.level !== 'none' && expiry.level !== 'ok';
}
