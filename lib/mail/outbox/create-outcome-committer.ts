import 'server-only';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { directDb } from '@/lib/db/prisma';
import { retryDelay } from '@/lib/jobs/retry-delay';
import { logger } from '@/lib/log/logger';
import type { AttemptReport } from './attempt-report';
import type { ClaimedMessage, StartWith } from './claimed-message';
import type { OutcomeRow } from './outcome-statements';
import type { OutboxPolicy } from './outbox-policy';
import { writeOutboxRound } from './write-outbox-round';

/** What the worker wants to claim, asked when the round is written (its free slots then). */
export interface ClaimWanted {
  limit: number;
  exclude: string[];
  start: StartWith | null;
}

export interface OutcomeCommitter {
  /** Ends an attempt: resolves once the message's new state is committed. */
  record(
    claimed: ClaimedMessage,
    attemptId: string | null,
    outcome: DeliveryOutcome,
    options?: { paced?: boolean },
  ): Promise<AttemptReport>;
  /**
   * Claims due messages: on SQLite in the next round, with the outcomes waiting then (one commit for both), `wanted`
   * asked when that round is written; on PostgreSQL at once, alone. One claim at a time.
   */
  claim(wanted: () => ClaimWanted): Promise<ClaimedMessage[]>;
}

interface Claimer {
  wanted(): ClaimWanted;
  resolve(claimed: ClaimedMessage[]): void;
  reject(error: unknown): void;
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
 * waiting added, fewer transactions under load), and on SQLite the worker's next claim with them. A message changes only while
 * this worker still holds its claim; a worker that lost it (e.g. after a long pause) changes nothing.
 */
export function createOutcomeCommitter(owner: string, policy: OutboxPolicy): OutcomeCommitter {
  let queue: Pending[] = [];
  let claimer: Claimer | null = null;
  let flushing = false;

  async function flush(): Promise<void> {
    while (queue.length > 0 || claimer) {
      const batch = queue;
      const claiming = claimer;
      [queue, claimer] = [[], null];
      const now = new Date();
      const planned = batch.map((item) => ({ item, ...plan(item, policy, now) }));
      try {
        const wanted = claiming?.wanted();
        const round = await writeOutboxRound(
          owner,
          planned.map((p) => p.row),
          now,
          wanted ? { ...wanted, leaseMs: policy.leaseMs } : null,
        );
        for (const { item, report } of planned) {
          if (!round.changed.has(item.claimed.id))
            logger.warn('outbox.claim_lost', { messageId: item.claimed.id, owner, outcome: item.outcome.kind });
          item.resolve(report);
        }
        claiming?.resolve(round.claimed);
      } catch (error) {
        for (const { item } of planned) item.reject(error);
        claiming?.reject(error);
      }
    }
    flushing = false;
  }

  // The round is written after this turn of the event loop, so that the outcomes of every answer read in the same
  // turn share one transaction (a commit on SQLite is synchronous: started at once, it would take one each).
  const schedule = () => {
    if (flushing) return;
    flushing = true;
    setImmediate(() => void flush());
  };

  return {
    record(claimed, attemptId, outcome, options) {
      return new Promise<AttemptReport>((resolve, reject) => {
        queue.push({ claimed, attemptId, outcome, paced: options?.paced ?? false, resolve, reject });
        schedule();
      });
    },
    claim(wanted) {
      if (claimer) return Promise.reject(new Error('One claim at a time.'));
      // SQLite writes one transaction at a time: a claim would wait for the round under way anyway, and goes with the
      // next one. PostgreSQL runs statements side by side (a pool of connections): the claim goes at once, alone.
      // Joining the outcomes' statement there made it slower (bench:outbox, four pairs of runs in alternating order:
      // medians 0.645 against 0.735, and 0.70 against 0.765 when every claim waited for the next round).
      if (directDb().provider === 'postgresql') {
        const { limit, exclude, start } = wanted();
        return writeOutboxRound(owner, [], new Date(), { limit, exclude, start, leaseMs: policy.leaseMs }).then(
          (round) => round.claimed,
        );
      }
      return new Promise<ClaimedMessage[]>((resolve, reject) => {
        claimer = { wanted, resolve, reject };
        schedule();
      });
    },
  };
}
