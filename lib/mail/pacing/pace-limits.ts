// How fast one sending mailbox may be sent to, and which routes are paced. Universal.

/** At most `concurrency` deliveries at once and `perWindow` in any `windowMs` (a sliding window). */
export interface PaceLimits {
  concurrency: number;
  perWindow: number;
  windowMs: number;
}

/**
 * A paced route: Exchange SMTP with OAuth (its limits are per mailbox), Microsoft Graph (per app and mailbox), or a
 * plain SMTP server the operator chose to pace. `key` names the sending mailbox on that route.
 */
export interface PaceRoute {
  kind: 'exchange-smtp' | 'graph' | 'plain-smtp';
  key: string;
}

/** The limits of each kind of route; null: that kind is not paced. */
export type PaceConfig = Record<PaceRoute['kind'], PaceLimits | null>;
