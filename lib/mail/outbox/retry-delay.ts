import type { OutboxPolicy } from './outbox-policy';

/**
 * How long to wait before the next attempt. A server that said how long (Retry-After, or a throttling reply) is
 * obeyed, plus up to 10 % so that many waiting messages do not return at the same instant; otherwise exponential
 * backoff with "equal jitter": between half and all of base × 2^(attempt − 1), capped.
 */
export function retryDelay(attempt: number, policy: Pick<OutboxPolicy, 'retryBaseMs' | 'retryMaxMs'>, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.ceil(retryAfterMs * (1 + random() * 0.1));
  const exponential = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.ceil(exponential / 2 + (random() * exponential) / 2);
}
