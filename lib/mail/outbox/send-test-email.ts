import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import type { DeliveryExplanation } from '@/lib/mail/delivery/explain-delivery-error';
import { prepareDelivery } from '@/lib/mail/delivery/prepare-delivery';
import { settingsGraphFallback } from '@/lib/mail/settings/check-graph-fallback';
import { checkSettingsConnection } from '@/lib/mail/settings/check-settings-connection';
import { inspectSendToken, type SendTokenReport } from '@/lib/mail/settings/inspect-send-token';
import type { TestEmailInput } from '@/lib/mail/settings/email-settings-schema';
import { settingsFromForm } from '@/lib/mail/settings/settings-from-form';
import { graphDelivery } from '@/lib/mail/transports/graph/graph-delivery';
import { transportDelivery } from '@/lib/mail/transports/transport-deliveries';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import { enqueueMessage } from './enqueue-message';
import { failInterruptedTests } from './fail-interrupted-tests';
import { graphFallbackThrough, isSmtpAuthDisabled } from './graph-fallback';
import { sendThroughGraphFallback } from './send-through-graph-fallback';
import { loadOutboundContents } from './load-outbound-contents';

export interface TestEmailResult {
  messageId: string;
  state: 'sent' | 'failed';
  outcome: DeliveryOutcome;
  explanation: DeliveryExplanation | null;
  /** Where the test went (host:port or Microsoft Graph), for the audit log. */
  destination: string;
  /** A failed test through a connection: what its token lacks for this way of sending (never the token). */
  token: SendTokenReport | null;
}

export type SendTestEmailResult =
  { ok: true; result: TestEmailResult } | { ok: false; fieldErrors: Record<string, string> };

// One attempt, inside the request: longer than a normal SMTP or Graph exchange, shorter than a browser's patience.
export const TEST_EMAIL_TIMEOUT_MS = 30_000;
// Only for finding a test whose request died (the process stopped): such a test is marked failed, never retried.
const TEST_LEASE_MS = TEST_EMAIL_TIMEOUT_MS + 60_000;

/** The settings' one attempt, and through the form's Graph fall-back when Exchange refuses SMTP AUTH (5.7.139). */
async function attemptOnce(
  settings: Extract<Awaited<ReturnType<typeof settingsFromForm>>, { ok: true }>,
  test: { messageId: string; owner: string; attemptId: string; graphFallbackConnectionId: string | null },
  onFallback: () => void,
): Promise<DeliveryOutcome> {
  const prepared = await prepareDelivery(settings.settings, true);
  if (!prepared.ok) return prepared.outcome;
  const message = (await loadOutboundContents([test.messageId])).get(test.messageId);
  if (!message)
    return {
      kind: 'failed',
      code: 'DELETED',
      answer: 'The test email was deleted from the Outbox while it was being sent.',
    };
  const drafts = { previous: null, save: async () => undefined };
  const outcome = await prepared.send(message, drafts);
  if (!test.graphFallbackConnectionId || !prepared.signsInAs || !isSmtpAuthDisabled(outcome)) return outcome;
  const fallback = await graphFallbackThrough(test.graphFallbackConnectionId, prepared.signsInAs, true);
  const final = await sendThroughGraphFallback({
    owner: test.owner,
    message,
    refusedAttemptId: test.attemptId,
    refused: outcome,
    fallback,
    send: (graph) => {
      onFallback();
      return graph.ok ? graph.send(message, drafts) : Promise.resolve(graph.outcome);
    },
  });
  return final.outcome;
}

/**
 * Send test email: the settings as on the form (saved or not) deliver one message to `testRecipient`, in one attempt
 * made by this request and bounded by a timeout. The message is recorded in the Outbox as a test with that answer;
 * it is never queued, retried or claimed by the worker, whatever the answer, and whether email is on or off.
 */
export async function sendTestEmail(input: TestEmailInput, actorEmail: string): Promise<SendTestEmailResult> {
  const definition = transportDefinition(input.transport);
  const use = definition.connectionUse(input.transport);
  const rule = await checkSettingsConnection(use, input.confirmSmtpHost);
  if (!rule.ok) return { ok: false, fieldErrors: { [rule.field]: rule.message } };
  const fallback = await settingsGraphFallback(input.transport, input.graphFallbackConnectionId);
  if (!fallback.ok) return fallback;
  const settings = await settingsFromForm(input);
  if (!settings.ok) return { ok: false, fieldErrors: settings.fieldErrors };
  await failInterruptedTests();
  const owner = `console-test:${crypto.randomBytes(6).toString('hex')}`;
  const sentAt = new Date().toISOString().replace('T', ' ').slice(0, 19);
  const accepted = await enqueueMessage({
    source: 'test',
    from: { address: settings.settings.senderAddress, name: settings.settings.senderName },
    to: [{ address: input.testRecipient, name: '' }],
    subject: 'Switchboard test email',
    text: `This test email was sent by Switchboard through ${definition.describe(definition.redact(input.transport))} at ${sentAt} UTC, on behalf of ${actorEmail}.\n\nIf you can read this, outbound email works.`,
    claimFor: { owner, leaseMs: TEST_LEASE_MS },
  });
  const attemptId = crypto.randomUUID();
  const transport = settings.settings.transport.kind;
  // Once the Graph fall-back stood in for a refused SMTP attempt, the outcome below is that attempt's.
  let finalTransport: string = transport;
  await db().outboundAttempt.create({
    data: { id: attemptId, messageId: accepted.id, number: 1, worker: owner, transport },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DeliveryOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          kind: 'failed',
          code: 'TIMEOUT',
          answer: `No answer within ${TEST_EMAIL_TIMEOUT_MS / 1000} seconds: the attempt was given up.`,
        }),
      TEST_EMAIL_TIMEOUT_MS,
    );
  });
  const outcome = await Promise.race([
    attemptOnce(
      settings,
      { messageId: accepted.id, owner, attemptId, graphFallbackConnectionId: fallback.connectionId },
      () => {
        finalTransport = 'graph';
      },
    ).catch((error: unknown): DeliveryOutcome => {
      const correlationId = crypto.randomUUID().slice(0, 8);
      logger.error('email.test_failed', {
        correlationId,
        error: (error as Error).message,
        stack: (error as Error).stack,
      });
      return { kind: 'failed', code: 'INTERNAL', answer: `Something went wrong in Switchboard (id ${correlationId}).` };
    }),
    timeout,
  ]).finally(() => clearTimeout(timer));
  const state = outcome.kind === 'sent' ? 'sent' : 'failed';
  if (state === 'failed')
    logger.warn('outbox.delivery_attempt_failed', {
      messageId: accepted.id,
      attempt: finalTransport === transport ? 1 : 2,
      transport: finalTransport,
      outcome: 'failed',
      code: outcome.code,
      answer: outcome.answer,
      test: true,
    });
  const now = new Date();
  await db().$transaction([
    db().outboundMessage.updateMany({
      where: { id: accepted.id, leaseOwner: owner },
      data:
        state === 'sent'
          ? {
              state,
              sentAt: now,
              providerMessageId: outcome.kind === 'sent' ? outcome.providerMessageId : null,
              leaseOwner: null,
              leaseUntil: null,
            }
          : {
              state,
              failedAt: now,
              lastError: outcome.answer,
              lastErrorCode: outcome.code,
              leaseOwner: null,
              leaseUntil: null,
            },
    }),
    // The attempt still open: the first, or the Graph fall-back's once it stood in (the refusal is finished then).
    db().outboundAttempt.updateMany({
      where: { messageId: accepted.id, outcome: 'in_progress' },
      data: {
        finishedAt: now,
        outcome: outcome.kind === 'sent' ? 'sent' : 'failed',
        code: outcome.code,
        answer: outcome.answer,
      },
    }),
  ]);
  // Exchange's 535 5.7.3 says nothing of why: who the token signs in as, and what it lacks, often does.
  const token = state === 'failed' && use ? await inspectSendToken(use) : null;
  return {
    ok: true,
    result: {
      messageId: accepted.id,
      state,
      outcome,
      explanation:
        outcome.kind === 'sent'
          ? null
          : finalTransport === 'graph'
            ? graphDelivery.explain(outcome)
            : transportDelivery(settings.settings.transport).explain(outcome, token?.context),
      destination: settings.destination,
      token,
    },
  };
}
