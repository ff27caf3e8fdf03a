import 'server-only';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { retryDelay } from '@/lib/jobs/retry-delay';
import { logger } from '@/lib/log/logger';
import type { AttemptReport } from './attempt-report';
import type { ClaimedMessage } from './claim-due-messages';
import { commitOutcomes, type OutcomeRow } from './commit-outcomes';
import type { OutboxPolicy } from './outbox-policy';

export interface OutcomeCommitter {
  /** Ends an attempt: resolves once the message's new state is committed. */
  record(
    claimed: ClaimedMessage,
    attemptId: string | null,
    outcome: DeliveryOutcome,
    options?: { paced?: boolean },
  ): Promise<AttemptReport>;
}

interface Pending {
  claimed: ClaimedMessage;
  attemptId: string | null;
  outcome: DeliveryOutcome;
  paced: boolean;
  resolve(report: AttemptReport): void;
  reject(error: unknown): void;
}

/** What an outcome makes of the message: the report for the caller and the row to commit. */
function plan(item: Pending, policy: OutboxPolicy, now: Date): { report: AttemptReport; row: OutcomeRow } {
  const { claimed, attemptId, outcome } = item;
  const row = (
    state: OutcomeRow['state'],
    nextAttemptAt: Date | null,
    lastError: string | null,
    extra: Partial<OutcomeRow> = {},
  ): OutcomeRow => ({
    messageId: claimed.id,
    attemptId,
    state,
    nextAttemptAt,
    giveBack: 0,
    lastError,
    lastErrorCode: state === 'sent' ? null : outcome.code,
    providerMessageId: null,
    outcome: outcome.kind,
    code: outcome.code,
    answer: outcome.answer,
    retryAt: nextAttemptAt,
    ...extra,
  });
  if (outcome.kind === 'sent') {
    return {
      report: { messageId: claimed.id, outcome, state: 'sent', nextAttemptAt: null },
      row: row('sent', null, null, { providerMessageId: outcome.providerMessageId }),
    };
  }
  if (outcome.kind === 'deferred') {
    const next = new Date(now.getTime() + policy.deferMs);
    // Waiting for an administrator is not an attempt: the round's count is given back.
    return {
      report: { messageId: claimed.id, outcome, state: 'queued', nextAttemptAt: next },
      row: row('queued', next, outcome.answer, { giveBack: 1 }),
    };
  }
  if (outcome.kind === 'retry' && outcome.throttled && item.paced) {
    // Throttling on a paced route paused its mailbox: a wait, not a failure an administrator must act on, so the
    // round's attempt count is given back (the attempt itself is recorded).
    const next = new Date(
      now.getTime() + retryDelay(claimed.attempts, policy, outcome.retryAfterMs ?? policy.throttleWaitMs),
    );
    return {
      report: { messageId: claimed.id, outcome, state: 'queued', nextAttemptAt: next, paced: true },
      row: row('queued', next, outcome.answer, { giveBack: 1 }),
    };
  }
  if (outcome.kind === 'retry' && claimed.attempts < policy.maxAttempts) {
    const waitMs = outcome.retryAfterMs ?? (outcome.throttled ? policy.throttleWaitMs : undefined);
    const next = new Date(now.getTime() + retryDelay(claimed.attempts, policy, waitMs));
    return {
      report: { messageId: claimed.id, outcome, state: 'queued', nextAttemptAt: next },
      row: row('queued', next, outcome.answer),
    };
  }
  const answer =
    outcome.kind === 'retry'
      ? `Gave up after ${claimed.attempts} attempts. Last answer: ${outcome.answer}`
      : outcome.answer;
  return {
    report: { messageId: claimed.id, outcome, state: 'failed', nextAttemptAt: null },
    row: row('failed', null, answer),
  };
}

/**
 * Records attempt outcomes, committing together those that finish while a commit is under way (group commit: no
 * waiting added, fewer transactions under load). A message changes only while this worker still holds its claim;
 * a worker that lost it (e.g. after a long pause) changes nothing.
 */
export function createOutcomeCommitter(owner: string, policy: OutboxPolicy): OutcomeCommitter {
  let queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const now = new Date();
      const planned = batch.map((item) => ({ item, ...plan(item, policy, now) }));
      try {
        const changed = await commitOutcomes(
          owner,
          planned.map((p) => p.row),
          now,
        );
        for (const { item, report } of planned) {
          if (!changed.has(item.claimed.id))
            logger.warn('outbox.claim_lost', { messageId: item.claimed.id, owner, outcome: item.outcome.kind });
          item.resolve(report);
        }
      } catch (error) {
        for (const { item } of planned) item.reject(error);
      }
    }
    flushing = false;
  }

  return {
    record(claimed, attemptId, outcome, options) {
      return new Promise<AttemptReport>((resolve, reject) => {
        queue.push({ claimed, attemptId, outcome, paced: options?.paced ?? false, resolve, reject });
        // The commit runs after this turn of the event loop, so that the outcomes of every answer read in the same
        // turn share one transaction (a commit on SQLite is synchronous: started at once, it would take one each).
        if (!flushing) {
          flushing = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}
