'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/define-action';
import type { AuditNote } from '@/lib/actions/run-audited';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { emailSettingsSchema, testEmailSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';
import type { SendTokenReport } from '@/lib/mail/settings/inspect-send-token';

const PAGE = '/settings/global-system-settings/emails';

// POST (form) - Done: save the Email settings exactly as they are on the form
export const saveEmailSettingsAction = adminAction(
  emailSettingsSchema,
  { action: 'email.settings.update', target: 'email-settings' },
  async (input, ctx) => {
    const result = await saveEmailSettings(input, ctx.admin.email);
    if (!result.ok)
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
    const moved = result.destination
      ? ` SMTP server changed from ${result.destination.from ?? '(none)'} to ${result.destination.to ?? '(none)'}.`
      : '';
    Object.assign(ctx.audit, {
      target: 'global',
      summary: `${result.changed.length ? `Email settings saved (changed: ${result.changed.join(', ')})` : 'Email settings saved (no change)'}${moved}`,
      details: {
        ...result.summary,
        ...(result.destination
          ? { destinationHostBefore: result.destination.from, destinationHost: result.destination.to }
          : {}),
      },
    } satisfies AuditNote);
    revalidatePath(PAGE);
    return {
      status: 'success',
      message: input.enabled
        ? 'Email settings saved. Email sending is on.'
        : 'Email settings saved. Email sending is off.',
    };
  },
);

// POST (form) - Send test email: the settings as on the form make one attempt; the answer is shown
export const sendTestEmailAction = adminAction(
  testEmailSchema,
  { action: 'email.test', target: 'outbound-message' },
  async (input, ctx) => {
    const sent = await sendTestEmail(input, ctx.admin.email);
    if (!sent.ok) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: sent.fieldErrors };
    const { result } = sent;
    Object.assign(ctx.audit, {
      target: result.messageId,
      summary: `Test email to ${input.testRecipient} through ${result.destination}: ${result.state} (${result.outcome.code})`,
      outcome: result.state === 'failed' ? 'failure' : 'success',
      details: {
        recipient: input.testRecipient,
        connectionType: input.transport.kind,
        smtpAuth: input.transport.kind === 'smtp' ? input.transport.auth.kind : 'none',
        destinationHost: result.destination,
        state: result.state,
        code: result.outcome.code,
      },
    } satisfies AuditNote);
    revalidatePath('/outbox');
    const values: Record<string, string> = {
      messageId: result.messageId,
      state: result.state,
      code: result.outcome.code,
      answer: result.outcome.answer,
      title: result.explanation?.title ?? '',
      meaning: result.explanation?.meaning ?? '',
      fix: result.explanation?.fix ?? '',
      ...tokenValues(result.token),
    };
    const message =
      result.state === 'sent'
        ? `Test email sent to ${input.testRecipient}.`
        : 'The test email was not sent. It is not tried again.';
    return { status: result.state === 'sent' ? 'success' : 'error', message, values };
  },
);

/** The token inspector's first finding, as the form's plain values (never the token). */
function tokenValues(token: SendTokenReport | null): Record<string, string> {
  const finding = token?.findings[0];
  if (!token || !finding) return {};
  return {
    tokenFacts: token.facts.join('\n'),
    tokenFinding: finding.message,
    tokenFix: finding.fix,
    ...(finding.check ? { tokenCheck: finding.check } : {}),
  };
}
