import 'server-only';
import { fieldErrorsOf } from '@/lib/http/field-errors-of';
import { nulFieldErrors } from '@/lib/http/nul-field-errors';
import { isSenderAllowed } from '@/lib/mail/settings/is-sender-allowed';
import { loadDeliverySettings } from '@/lib/mail/settings/load-delivery-settings';
import { apiMessageSchema } from './api-message-schema';
import { enqueueMessage } from './enqueue-message';

export type AcceptApiMessageResult =
  | { ok: true; id: string; messageId: string }
  | { ok: false; status: 400; body: { error: 'invalid_request'; message: string; fieldErrors: Record<string, string> } }
  | { ok: false; status: 503; body: { error: 'email_disabled'; message: string } };

/**
 * A program's message: checked like a form (400 with the field errors), From limited to the Default Sender and the
 * allowed senders of the Email settings, then accepted into the outbox.
 */
export async function acceptApiMessage(body: unknown, keyId: string): Promise<AcceptApiMessageResult> {
  const nul = nulFieldErrors(body);
  if (Object.keys(nul).length > 0)
    return {
      ok: false,
      status: 400,
      body: { error: 'invalid_request', message: 'Check the fields named in fieldErrors.', fieldErrors: nul },
    };
  const parsed = apiMessageSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      body: {
        error: 'invalid_request',
        message: 'Check the fields named in fieldErrors.',
        fieldErrors: fieldErrorsOf(parsed.error),
      },
    };
  const settings = await loadDeliverySettings();
  if (!settings?.enabled || !settings.senderAddress) {
    return {
      ok: false,
      status: 503,
      body: {
        error: 'email_disabled',
        message:
          'Email sending is turned off in Switchboard (Settings → Global System Settings → Emails). Try again later.',
      },
    };
  }
  const input = parsed.data;
  if (input.from && !isSenderAllowed(input.from.address, settings.senderAddress, settings.allowedSenders)) {
    return {
      ok: false,
      status: 400,
      body: {
        error: 'invalid_request',
        message: 'Check the fields named in fieldErrors.',
        fieldErrors: {
          from: `Switchboard may send only as ${settings.senderAddress} or the allowed senders of its Email settings`,
        },
      },
    };
  }
  const accepted = await enqueueMessage({
    source: 'api',
    apiKeyId: keyId,
    from: input.from ?? { address: settings.senderAddress, name: settings.senderName },
    to: input.to,
    cc: input.cc,
    bcc: input.bcc,
    replyTo: input.replyTo,
    subject: input.subject,
    text: input.text,
    html: input.html,
    attachments: input.attachments,
  });
  return { ok: true, id: accepted.id, messageId: accepted.messageIdHeader };
}
