import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { type PreparedDelivery, prepareDelivery } from '@/lib/mail/delivery/prepare-delivery';
import type { DeliverySettings } from '@/lib/mail/settings/delivery-settings';
import { loadDeliverySettings } from '@/lib/mail/settings/load-delivery-settings';
import { logger } from '@/lib/log/logger';
import { finishPaceGrant } from '@/lib/mail/pacing/finish-pace-grant';
import type { PaceRoute } from '@/lib/mail/pacing/pace-limits';
import { pauseMailbox } from '@/lib/mail/pacing/pause-mailbox';
import { type GraphFallback, isSmtpAuthDisabled, resolveGraphFallback } from './graph-fallback';
import { observeDelivery } from './observe-delivery';
import type { AttemptReport } from './attempt-report';
import type { ClaimedMessage } from './claimed-message';
import type { OutcomeCommitter } from './create-outcome-committer';
import { type LoadedMessage, loadedMessagesOf } from './load-outbound-contents';
import { type OutboxPacing, paceClaimedMessages } from './pace-claimed-messages';
import { recordAttemptStarts } from './record-attempt-starts';
import { type FinalAttempt, sendThroughGraphFallback } from './send-through-graph-fallback';

export interface DeliveryContext {
  owner: string;
  committer: OutcomeCommitter;
  /** The saved settings as a sender; the worker passes the one it claimed with (a short-lived cached read). */
  saved?: () => Promise<PreparedDelivery>;
  /** Resolves when a message may go on the wire (the worker's sending slots); called just before it is sent. */
  beforeSend?: (messageId: string) => Promise<void>;
  /** Called when a message's attempt is over on the wire (its outcome is being recorded). */
  onSent?: (messageId: string, outcome: DeliveryOutcome) => void;
  /**
   * How one message is sent when not by the saved settings (a route of its own, e.g. a relay client's); null: the saved
   * settings. Pacing follows each message's own route.
   */
  prepareFor?: (message: LoadedMessage) => Promise<PreparedDelivery | null>;
  /** Pace Microsoft's routes per sending mailbox (lib/mail/pacing); without it, nothing is paced. */
  pacing?: OutboxPacing;
  /** Called for a message its mailbox's pace gave back to the queue: when it is due again (null: unknown). */
  onHeld?: (messageId: string, dueAt: Date | null) => void;
}

/** After a paced delivery: its grant finished, and Microsoft's throttling pauses that mailbox (and only it). */
async function afterPacedSend(
  paced: { route: PaceRoute; grantId: string },
  outcome: DeliveryOutcome,
  pacing: OutboxPacing,
): Promise<void> {
  try {
    await finishPaceGrant(paced.grantId);
    if (outcome.kind === 'retry' && outcome.throttled) {
      const until = new Date(Date.now() + (outcome.retryAfterMs ?? pacing.throttleWaitMs));
      await pauseMailbox(paced.route, until, outcome.answer);
      logger.warn('outbox.mailbox_paused', {
        paceKey: paced.route.key,
        until: until.toISOString(),
        code: outcome.code,
      });
    }
  } catch (error) {
    logger.error('outbox.pace_update_failed', { paceKey: paced.route.key, error: (error as Error).message });
  }
}

function unexpected(error: unknown, messageId: string): DeliveryOutcome {
  const correlationId = crypto.randomUUID().slice(0, 8);
  logger.error('outbox.attempt_failed', {
    correlationId,
    messageId,
    error: (error as Error).message,
    stack: (error as Error).stack,
  });
  return {
    kind: 'retry',
    code: 'INTERNAL',
    answer: `Something went wrong in Switchboard (id ${correlationId}); it will try again.`,
  };
}

async function send(message: LoadedMessage, prepared: PreparedDelivery, owner: string): Promise<DeliveryOutcome> {
  if (!prepared.ok) return prepared.outcome;
  const drafts = {
    previous: message.graphDraftId,
    save: async (draftId: string | null) => {
      await db().outboundMessage.updateMany({
        where: { id: message.id, leaseOwner: owner },
        data: { graphDraftId: draftId },
      });
    },
  };
  try {
    return await prepared.send(message, drafts);
  } catch (error) {
    return unexpected(error, message.id);
  }
}

/** The saved settings resolved into a sender, never throwing: a failure becomes the attempt's outcome. */
export async function prepareSavedDelivery(
  settings: () => Promise<DeliverySettings | null> = loadDeliverySettings,
): Promise<PreparedDelivery> {
  try {
    return await prepareDelivery(await settings(), false);
  } catch (error) {
    return { ok: false, transport: 'smtp', outcome: unexpected(error, 'saved settings') };
  }
}

/**
 * One attempt at each claimed message. The batch was read by its claim, the settings (and a token) are resolved once,
 * and every attempt is written "in progress" before anything is sent (by the claim itself when it recorded
 * `attemptId`); an attempt an earlier worker left in progress (it crashed or was killed) is marked "interrupted" and
 * the message is sent again with the same Message-ID. Returns one promise per message, settled when its outcome is
 * committed (null: its mailbox's pace gave it back to the queue).
 */
export function deliverClaimedMessages(
  claimed: ClaimedMessage[],
  context: DeliveryContext,
): Promise<AttemptReport | null>[] {
  const started = (async () => {
    // Read by the claim itself; only attachments are read here.
    const messages = await loadedMessagesOf(claimed.map((c) => c.row));
    let saved: Promise<PreparedDelivery> | null = null;
    const savedDelivery = () => (saved ??= context.saved ? context.saved() : prepareSavedDelivery());
    const plans = await Promise.all(
      claimed.map(async (claim) => {
        const message = messages.get(claim.id);
        if (!message) return null;
        try {
          return { claim, message, prepared: (await context.prepareFor?.(message)) ?? (await savedDelivery()) };
        } catch (error) {
          return {
            claim,
            message,
            prepared: { ok: false, transport: 'smtp', outcome: unexpected(error, claim.id) } satisfies PreparedDelivery,
          };
        }
      }),
    );
    const found = plans.filter((p) => p !== null);
    // Paced routes: what the sending mailbox's budget does not allow now goes back to the queue (not an attempt).
    const paced = context.pacing ? await paceClaimedMessages(found, context.owner, context.pacing) : null;
    for (const [id, dueAt] of paced?.waiting ?? []) context.onHeld?.(id, dueAt);
    const present = paced ? found.filter((p) => !paced.waiting.has(p.claim.id)) : found;
    const unstarted = present.filter((p) => p.claim.attemptId === undefined);
    // Waiting for an administrator (deferred) is not an attempt: no row for it.
    const attempts = unstarted
      .filter((p) => p.prepared.ok || p.prepared.outcome.kind !== 'deferred')
      .map((p) => ({
        id: crypto.randomUUID(),
        messageId: p.claim.id,
        number: p.message.attemptCount + 1,
        transport: p.prepared.transport,
      }));
    await recordAttemptStarts(
      context.owner,
      attempts,
      unstarted.flatMap((p) => p.message.unfinishedAttempts),
    );
    const attemptOf = new Map(attempts.map((a) => [a.messageId, a.id]));
    return new Map(
      present.map((p) => [
        p.claim.id,
        {
          ...p,
          attemptId: p.claim.attemptId ?? attemptOf.get(p.claim.id) ?? null,
          paced: paced?.going.get(p.claim.id) ?? null,
        },
      ]),
    );
  })();

  // A Graph fall-back, resolved once per batch for each relay client and mailbox that needs it.
  const fallbacks = new Map<string, Promise<GraphFallback | null>>();
  const fallbackFor = (relayClientId: string | null, mailbox: string) => {
    const key = `${relayClientId ?? ''} ${mailbox}`;
    let found = fallbacks.get(key);
    if (!found) fallbacks.set(key, (found = resolveGraphFallback(relayClientId, mailbox)));
    return found;
  };

  return claimed.map(async (claim) => {
    const plan = (await started).get(claim.id);
    if (!plan) return null;
    const { message, prepared } = plan;
    await context.beforeSend?.(claim.id);
    const first = await send(message, prepared, context.owner);
    // Before the outcome's commit ends the claim: a grant is under way only while its message is claimed.
    if (plan.paced && context.pacing) await afterPacedSend(plan.paced, first, context.pacing);
    let final: FinalAttempt = { attemptId: plan.attemptId, outcome: first, transport: prepared.transport };
    const mailbox = prepared.ok ? prepared.signsInAs : undefined;
    if (mailbox && isSmtpAuthDisabled(first)) {
      try {
        const fallback = await fallbackFor(message.relayClientId, mailbox);
        if (fallback) {
          logFailed(claim.id, message.attemptCount + 1, prepared.transport, first);
          final = await sendThroughGraphFallback({
            owner: context.owner,
            message,
            refusedAttemptId: plan.attemptId,
            refused: first,
            fallback,
            send: (graph) => send(message, graph, context.owner),
          });
          if (final.attemptId !== plan.attemptId)
            observeDelivery(prepared.transport, fallbackRefusal(claim.id, first), message.createdAt);
        }
      } catch (error) {
        final = { ...final, outcome: unexpected(error, claim.id) };
      }
    }
    const { outcome } = final;
    context.onSent?.(claim.id, outcome);
    logFailed(claim.id, message.attemptCount + 1, final.transport, outcome);
    const viaFallback = final.attemptId !== plan.attemptId;
    const report = await context.committer.record(claim, final.attemptId, outcome, {
      paced: plan.paced !== null && !viaFallback,
    });
    observeDelivery(final.transport, report, message.createdAt);
    return report;
  });
}

function logFailed(messageId: string, attempt: number, transport: string, outcome: DeliveryOutcome): void {
  if (outcome.kind === 'retry' || outcome.kind === 'failed')
    logger.warn('outbox.delivery_attempt_failed', {
      messageId,
      attempt,
      transport,
      outcome: outcome.kind,
      code: outcome.code,
      answer: outcome.answer,
    });
}

/** The refused SMTP attempt as the metrics count it: an attempt, not the message's end. */
function fallbackRefusal(messageId: string, outcome: DeliveryOutcome): AttemptReport {
  return { messageId, outcome, state: 'queued', nextAttemptAt: null };
}
