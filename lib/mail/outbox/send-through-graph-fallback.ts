import 'server-only';
import crypto from 'node:crypto';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { logger } from '@/lib/log/logger';
import type { PreparedDelivery } from '@/lib/mail/transports/prepared-delivery';
import type { TransportKind } from '@/lib/mail/transports/email-transport';
import { fallbackNote, type GraphFallback } from './graph-fallback';
import type { LoadedMessage } from './load-outbound-contents';
import { recordFallbackStart } from './record-fallback-start';

export interface FallbackAttempt {
  owner: string;
  message: LoadedMessage;
  /** The SMTP attempt Exchange refused with 535 5.7.139, and its outcome. */
  refusedAttemptId: string | null;
  refused: DeliveryOutcome;
  fallback: GraphFallback;
  send(prepared: PreparedDelivery): Promise<DeliveryOutcome>;
}

/** The attempt whose outcome the message's commit records. */
export interface FinalAttempt {
  attemptId: string | null;
  outcome: DeliveryOutcome;
  transport: TransportKind;
}

/**
 * A second attempt within the same claim, through the Graph fall-back: the SMTP refusal is recorded as its own
 * attempt and the Graph attempt is written "in progress" (one transaction) before anything is sent, so the Outbox
 * shows both. When the fall-back cannot send now (e.g. its connection must be signed in again), the SMTP attempt's
 * answer says so and the message is tried again later (or fails, when that is for good).
 */
export async function sendThroughGraphFallback(attempt: FallbackAttempt): Promise<FinalAttempt> {
  const { fallback, refused, message } = attempt;
  const smtp = { attemptId: attempt.refusedAttemptId, transport: 'smtp' as const };
  if (!fallback.prepared.ok) {
    const why = fallback.prepared.outcome;
    return {
      ...smtp,
      outcome: {
        kind: why.kind === 'failed' ? 'failed' : 'retry',
        code: refused.code,
        answer: `${refused.answer} — the Microsoft Graph fall-back (connection “${fallback.connectionName}”) could not be used: ${why.answer}`,
      },
    };
  }
  const graphAttempt = { id: crypto.randomUUID(), transport: fallback.prepared.transport };
  const held = await recordFallbackStart({
    owner: attempt.owner,
    messageId: message.id,
    refusedAttemptId: attempt.refusedAttemptId,
    refused,
    attempt: graphAttempt,
  });
  // The claim was lost meanwhile: another worker has the message now; only the refusal is recorded.
  if (!held) return { ...smtp, outcome: refused };
  logger.info('outbox.graph_fallback', {
    messageId: message.id,
    connectionId: fallback.connectionId,
    code: refused.code,
  });
  const outcome = await attempt.send(fallback.prepared);
  return {
    attemptId: graphAttempt.id,
    transport: fallback.prepared.transport,
    outcome: { ...outcome, answer: fallbackNote(fallback, outcome) },
  };
}
