// The E-mail Robot's fixed limits, in one place so the README, the form and the poller agree. Universal.

/** The full MIME of a message is stored (and sent to the webhook) up to this size; larger ones keep everything else. */
export const MIME_LIMIT_BYTES = 5 * 1024 * 1024;

/** The body Graph returns is stored up to this many characters (HTML or text); the rest is cut and flagged. */
export const BODY_LIMIT_CHARS = 1024 * 1024;

export const MIN_POLL_SECONDS = 10;
export const DEFAULT_POLL_SECONDS = 60;
export const MAX_POLL_SECONDS = 24 * 60 * 60;

export const DEFAULT_FOLDER = 'Inbox';

/** Webhook secrets typed by hand must be at least this long; generated ones are 32 random bytes in hex. */
export const MIN_WEBHOOK_SECRET_LENGTH = 16;

/** How old a signed webhook timestamp a receiver should accept (documented for receivers; not enforced here). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
