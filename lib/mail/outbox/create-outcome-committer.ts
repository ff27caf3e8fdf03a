import 'server-only';
import { db } from '@/lib/db/prisma';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { logger } from '@/lib/log/logger';
import type { AttemptReport } from './attempt-report';
import type { ClaimedMessage } from './claim-due-messages';
import type { OutboxPolicy } from './outbox-policy';
import { retryDelay } from './retry-delay';

export interface OutcomeCommitter {
  /** Ends an attempt: resolves once the message's new state is committed. */
  record(claimed: ClaimedMessage, attemptId: string | null, outcome: DeliveryOutcome): Promise<AttemptReport>;
}

interface Pending {
  claimed: ClaimedMessage;
  attemptId: string | null;
  outcome: DeliveryOutcome;
  resolve(report: AttemptReport): void;
  reject(error: unknown): void;
}

const released = { leaseOwner: null, leaseUntil: null };

function plan(item: Pending, policy: OutboxPolicy, now: Date) {
  const { claimed, outcome } = item;
  if (outcome.kind === 'sent') {
    const report: AttemptReport = { messageId: claimed.id, outcome, state: 'sent', nextAttemptAt: null };
    return { report, data: { state: 'sent', sentAt: now, providerMessageId: outcome.providerMessageId, lastError: null, lastErrorCode: null, transportOverride: null, graphDraftId: null, ...released } };
  }
  if (outcome.kind === 'deferred') {
    const next = new Date(now.getTime() + policy.deferMs);
    // Waiting for an administrator is not an attempt: the round's count is given back.
    const report: AttemptReport = { messageId: claimed.id, outcome, state: 'queued', nextAttemptAt: next };
    return { report, data: { state: 'queued', nextAttemptAt: next, attempts: { decrement: 1 }, lastError: outcome.answer, lastErrorCode: outcome.code, ...released } };
  }
  if (outcome.kind === 'retry' && claimed.attempts < policy.maxAttempts) {
    const waitMs = outcome.retryAfterMs ?? (outcome.throttled ? policy.throttleWaitMs : undefined);
    const next = new Date(now.getTime() + retryDelay(claimed.attempts, policy, waitMs));
    const report: AttemptReport = { messageId: claimed.id, outcome, state: 'queued', nextAttemptAt: next };
    return { report, data: { state: 'queued', nextAttemptAt: next, lastError: outcome.answer, lastErrorCode: outcome.code, ...released } };
  }
  const answer = outcome.kind === 'retry' ? `Gave up after ${claimed.attempts} attempts. Last answer: ${outcome.answer}` : outcome.answer;
  const report: AttemptReport = { messageId: claimed.id, outcome, state: 'failed', nextAttemptAt: null };
  return { report, data: { state: 'failed', failedAt: now, lastError: answer, lastErrorCode: outcome.code, ...released } };
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
    flushing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const now = new Date();
      const planned = batch.map((item) => ({ item, ...plan(item, policy, now) }));
      try {
        const operations = planned.flatMap(({ item, report, data }) => [
          db().outboundMessage.updateMany({ where: { id: item.claimed.id, leaseOwner: owner, state: 'sending' }, data }),
          ...(item.attemptId
            ? [db().outboundAttempt.updateMany({ where: { id: item.attemptId }, data: { finishedAt: now, outcome: item.outcome.kind, code: item.outcome.code, answer: item.outcome.answer, retryAt: report.nextAttemptAt } })]
            : []),
        ]);
        const results = await db().$transaction(operations);
        let index = 0;
        for (const { item, report } of planned) {
          if (results[index]?.count === 0) logger.warn('outbox.claim_lost', { messageId: item.claimed.id, owner, outcome: item.outcome.kind });
          index += item.attemptId ? 2 : 1;
          item.resolve(report);
        }
      } catch (error) {
        for (const { item } of planned) item.reject(error);
      }
    }
    flushing = false;
  }

  return {
    record(claimed, attemptId, outcome) {
      return new Promise<AttemptReport>((resolve, reject) => {
        queue.push({ claimed, attemptId, outcome, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}
