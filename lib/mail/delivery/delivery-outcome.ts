// What one delivery attempt came to. Universal: the outbox stores it, the Emails page shows it.

export type DeliveryOutcome =
  /** The remote accepted the message. */
  | { kind: 'sent'; code: string; answer: string; providerMessageId: string | null }
  /** Worth trying again: 4xx, 429, 5xx of Graph, a network error; `retryAfterMs` when the remote said how long. */
  | { kind: 'retry'; code: string; answer: string; retryAfterMs?: number; throttled?: boolean }
  /** The remote refused for good: SMTP 5xx, Graph 4xx other than 429. */
  | { kind: 'failed'; code: string; answer: string }
  /** Waiting for an administrator (settings off, a sign-in to renew): kept queued, not counted as an attempt. */
  | { kind: 'deferred'; code: string; answer: string };
