// How the outbox retries, and how long a claim lasts. Universal. The defaults suit Exchange Online; tests and the
// benchmark pass shorter times to the worker.

export interface OutboxPolicy {
  /** How long a claim lasts; a worker renews it while it sends, a crashed worker's claim runs out. */
  leaseMs: number;
  /** The first retry waits about this long; each next one twice as long, up to retryMaxMs (with jitter). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts in a row before a message ends Failed, when every failure was transient. */
  maxAttempts: number;
  /** How long to pause after a throttling answer that did not say how long (SMTP 4.3.2). */
  throttleWaitMs: number;
  /** How long a message waits while something an administrator must fix (settings, sign-in) is missing. */
  deferMs: number;
}

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = {
  leaseMs: 60_000,
  retryBaseMs: 10_000,
  retryMaxMs: 60 * 60_000,
  maxAttempts: 16,
  throttleWaitMs: 60_000,
  deferMs: 60_000,
};
