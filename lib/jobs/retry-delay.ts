// How long background work waits before its next try, the one rule for the outbox and the E-mail Robot. Universal
// and pure.
//
// A schedule is either exponential (the outbox: base × 2^(attempt − 1), capped, with "equal jitter" so that many
// waiting messages do not return at the same instant) or a list of steps (the robot's hand-offs and mailbox actions:
// the step for the attempt, the last one for ever after, so a message is never dropped).

export type RetrySchedule = { retryBaseMs: number; retryMaxMs: number } | { retryStepsMs: readonly number[] };

/**
 * The wait before the next try after `attempt` failures. A server that said how long (Retry-After, or a throttling
 * reply) is obeyed, plus up to 10 %; otherwise the schedule decides.
 */
export function retryDelay(
  attempt: number,
  schedule: RetrySchedule,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.ceil(retryAfterMs * (1 + random() * 0.1));
  if ('retryStepsMs' in schedule) {
    const steps = schedule.retryStepsMs;
    return steps[Math.min(Math.max(1, Math.floor(attempt)), steps.length) - 1] ?? 0;
  }
  const exponential = Math.min(schedule.retryMaxMs, schedule.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.ceil(exponential / 2 + (random() * exponential) / 2);
}
