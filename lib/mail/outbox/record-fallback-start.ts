import 'server-only';
import { db } from '@/lib/db/prisma';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';

export interface FallbackStart {
  owner: string;
  messageId: string;
  /** The refused SMTP attempt (null when none was recorded), finished with its own answer. */
  refusedAttemptId: string | null;
  refused: DeliveryOutcome;
  /**
   * The second attempt of the same claim, written "in progress" before anything is sent through Graph; numbered after
   * every attempt the message has (the refused one may have been recorded by the claim, before its contents were read).
   */
  attempt: { id: string; transport: string };
}

/**
 * In one transaction, while `owner` still holds the message's claim: the refused SMTP attempt finished with its
 * answer, and the fall-back's attempt started. False when the claim was lost (nothing is written then).
 */
export async function recordFallbackStart(start: FallbackStart): Promise<boolean> {
  const now = new Date();
  return db().$transaction(async (tx) => {
    const held = await tx.outboundMessage.count({
      where: { id: start.messageId, leaseOwner: start.owner, state: 'sending' },
    });
    if (held === 0) return false;
    if (start.refusedAttemptId)
      await tx.outboundAttempt.updateMany({
        where: { id: start.refusedAttemptId, outcome: 'in_progress' },
        data: {
          finishedAt: now,
          outcome: start.refused.kind,
          code: start.refused.code,
          answer: start.refused.answer,
        },
      });
    const earlier = await tx.outboundAttempt.count({ where: { messageId: start.messageId } });
    await tx.outboundAttempt.create({
      data: {
        id: start.attempt.id,
        messageId: start.messageId,
        number: earlier + 1,
        worker: start.owner,
        transport: start.attempt.transport,
        startedAt: now,
        outcome: 'in_progress',
      },
    });
    return true;
  });
}
