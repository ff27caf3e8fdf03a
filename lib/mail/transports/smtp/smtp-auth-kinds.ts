import type { SmtpAuthKind } from './smtp-transport';

// SMTP's authentications as the Emails form offers them, without the schema (zod stays out of the form's first load).
// A kind added to or removed from smtpAuthSchema is a compile error here. Universal.

export const SMTP_AUTH_LABELS: Record<SmtpAuthKind, string> = {
  none: 'None (the server accepts mail without signing in)',
  basic: 'Username and password (Basic authentication)',
  oauth: 'Modern Authentication (OAuth 2.0)',
};

/** In the order the form offers them. */
export const SMTP_AUTH_KINDS = Object.keys(SMTP_AUTH_LABELS) as SmtpAuthKind[];

/** A stored or submitted authentication; anything unknown reads as none. */
export function smtpAuthKindOf(value: string | null | undefined): SmtpAuthKind {
  return SMTP_AUTH_KINDS.find((k) => k === value) ?? 'none';
}
