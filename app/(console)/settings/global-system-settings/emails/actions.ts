'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/define-action';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { emailSettingsSchema, testEmailSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';

const PAGE = '/settings/global-system-settings/emails';

// POST (form) - Done: save the Email settings
export const saveEmailSettingsAction = adminAction(emailSettingsSchema, async (input, ctx) => {
  const result = await saveEmailSettings(input, ctx.admin.email);
  if (!result.ok) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
  await ctx.audit({
    action: 'email.settings.update',
    target: { type: 'email-settings', id: 'global' },
    summary: result.changed.length ? `Email settings saved (changed: ${result.changed.join(', ')})` : 'Email settings saved (no change)',
    details: result.summary,
  });
  revalidatePath(PAGE);
  return { status: 'success', message: input.enabled ? 'Email settings saved. Email sending is on.' : 'Email settings saved. Email sending is off.' };
});

// POST (form) - Send test email: the settings as typed deliver one message; the answer is shown
export const sendTestEmailAction = adminAction(testEmailSchema, async (input, ctx) => {
  const sent = await sendTestEmail(input, ctx.admin.email);
  if (!sent.ok) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: sent.fieldErrors };
  const { result } = sent;
  await ctx.audit({
    action: 'email.test',
    target: { type: 'outbound-message', id: result.messageId },
    summary: `Test email to ${input.testRecipient}: ${result.state}${result.outcome ? ` (${result.outcome.code})` : ''}`,
    outcome: result.state === 'failed' ? 'failure' : 'success',
    details: { recipient: input.testRecipient, connectionType: input.connectionType, smtpAuth: input.smtpAuth, state: result.state, code: result.outcome?.code ?? null },
  });
  revalidatePath('/outbox');
  const values: Record<string, string> = {
    messageId: result.messageId,
    state: result.state,
    code: result.outcome?.code ?? '',
    answer: result.outcome?.answer ?? '',
    title: result.explanation?.title ?? '',
    meaning: result.explanation?.meaning ?? '',
    fix: result.explanation?.fix ?? '',
    nextAttemptAt: result.nextAttemptAt?.toISOString() ?? '',
  };
  const messages: Record<typeof result.state, string> = {
    sent: `Test email sent to ${input.testRecipient}.`,
    queued: 'The server did not take the test email yet; Switchboard will try again.',
    failed: 'The test email was refused.',
    sending: 'The test email is still being sent; see the Outbox for its outcome.',
  };
  return { status: result.state === 'sent' ? 'success' : 'error', message: messages[result.state], values };
});
