import 'server-only';
import crypto from 'node:crypto';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { type DeliveryExplanation, explainDeliveryError } from '@/lib/mail/delivery/explain-delivery-error';
import { checkSettingsConnection } from '@/lib/mail/settings/check-settings-connection';
import type { TestEmailInput } from '@/lib/mail/settings/email-settings-schema';
import { settingsFromForm } from '@/lib/mail/settings/settings-from-form';
import { createOutcomeCommitter } from './create-outcome-committer';
import { deliverClaimedMessages } from './deliver-claimed-messages';
import { enqueueMessage } from './enqueue-message';
import { DEFAULT_OUTBOX_POLICY } from './outbox-policy';
import { wakeOutboxWorker } from './wake-outbox-worker';

export interface TestEmailResult {
  messageId: string;
  state: 'sent' | 'failed' | 'queued' | 'sending';
  outcome: DeliveryOutcome | null;
  explanation: DeliveryExplanation | null;
  nextAttemptAt: Date | null;
}

export type SendTestEmailResult = { ok: true; result: TestEmailResult } | { ok: false; fieldErrors: Record<string, string> };

// Longer than a normal SMTP or Graph exchange, shorter than a browser's patience; the message stays in the outbox.
const WAIT_MS = 45_000;
// The test email is sent by this request; should the request die, the worker takes it over when this runs out.
const TEST_LEASE_MS = 3 * 60_000;

function describePath(input: TestEmailInput): string {
  if (input.connectionType === 'graph') return 'Microsoft Graph';
  const auth = input.smtpAuth === 'oauth' ? 'Modern Authentication (OAuth 2.0)' : input.smtpAuth === 'basic' ? 'a username and password' : 'no authentication';
  return `SMTP (${input.smtpServer}, ${input.useSsl ? 'SSL' : input.allowUnencrypted ? 'STARTTLS when offered' : 'STARTTLS'}, ${auth})`;
}

/**
 * Send test email: the settings as typed on the form (not yet saved) deliver one message to `testRecipient`. The
 * message is accepted into the outbox like any other and this request makes its first attempt itself, so the
 * administrator sees the server's own answer; a transient failure is then retried by the worker.
 */
export async function sendTestEmail(input: TestEmailInput, actorEmail: string): Promise<SendTestEmailResult> {
  const rule = await checkSettingsConnection(input);
  if (!rule.ok) return { ok: false, fieldErrors: { [rule.field]: rule.message } };
  const settings = await settingsFromForm(input);
  if (settings.connectionType === 'smtp' && settings.smtpAuth === 'basic' && !settings.password) return { ok: false, fieldErrors: { password: 'Enter the password' } };
  const owner = `console-test:${crypto.randomBytes(6).toString('hex')}`;
  const sentAt = new Date().toISOString().replace('T', ' ').slice(0, 19);
  const accepted = await enqueueMessage({
    source: 'test',
    from: { address: settings.senderAddress, name: settings.senderName },
    to: [{ address: input.testRecipient, name: '' }],
    subject: 'Switchboard test email',
    text: `This test email was sent by Switchboard through ${describePath(input)} at ${sentAt} UTC, on behalf of ${actorEmail}.\n\nIf you can read this, outbound email works.`,
    transportOverride: settings,
    claimFor: { owner, leaseMs: TEST_LEASE_MS },
  });
  const [attempt] = deliverClaimedMessages([{ id: accepted.id, attempts: 1 }], { owner, committer: createOutcomeCommitter(owner, DEFAULT_OUTBOX_POLICY) });
  const timeout = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), WAIT_MS).unref());
  const report = await Promise.race([attempt ?? Promise.resolve(null), timeout]);
  if (report === 'waiting' || report === null) {
    return { ok: true, result: { messageId: accepted.id, state: 'sending', outcome: null, explanation: null, nextAttemptAt: null } };
  }
  if (report.state === 'queued') wakeOutboxWorker();
  const { outcome } = report;
  return {
    ok: true,
    result: {
      messageId: accepted.id,
      state: report.state,
      outcome,
      explanation: outcome.kind === 'sent' ? null : explainDeliveryError(outcome.code, outcome.answer),
      nextAttemptAt: report.nextAttemptAt,
    },
  };
}
