import 'server-only';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from './enqueue-message';
import { loadOutboundContents } from './load-outbound-contents';
import { wakeOutboxWorker } from './wake-outbox-worker';

export type ResendResult = { ok: true; id: string; summary: string } | { ok: false; message: string };

/**
 * Resend: a Failed message goes back to the queue (same Message-ID: it was never delivered) with a fresh round of
 * attempts; a Sent one is sent again as a new message with a new Message-ID; a queued one is tried now.
 */
export async function resendOutboxMessage(id: string): Promise<ResendResult> {
  const row = await db().outboundMessage.findUnique({
    where: { id },
    select: { state: true, source: true, apiKeyId: true, subject: true, bodyPurgedAt: true, relayClientId: true },
  });
  if (!row) return { ok: false, message: 'This message no longer exists.' };
  if (row.state === 'sending') return { ok: false, message: 'This message is being sent right now.' };
  // A test made its one attempt and showed its answer; a new test is made on the Emails page, with the settings there.
  if (row.source === 'test')
    return {
      ok: false,
      message: 'A test email is not sent again from the Outbox: use Send test email on the Emails page.',
    };
  if (row.state === 'failed' || row.state === 'queued') {
    const { count } = await db().outboundMessage.updateMany({
      where: { id, state: row.state },
      data: {
        state: 'queued',
        nextAttemptAt: new Date(),
        failedAt: null,
        ...(row.state === 'failed' ? { attempts: 0 } : {}),
      },
    });
    if (count === 0) return { ok: false, message: 'The message changed meanwhile: reload the page.' };
    wakeOutboxWorker();
    return { ok: true, id, summary: row.state === 'failed' ? 'queued again' : 'queued to be tried now' };
  }
  if (row.bodyPurgedAt) {
    return {
      ok: false,
      message: 'Its text and attachments were removed by the retention policy, so it cannot be sent again.',
    };
  }
  const original = (await loadOutboundContents([id])).get(id);
  if (!original) return { ok: false, message: 'This message no longer exists.' };
  const copy = await enqueueMessage({
    source:
      row.source === 'api'
        ? 'api'
        : row.source === 'robot'
          ? 'robot'
          : row.source === 'notification'
            ? 'notification'
            : 'relay',
    apiKeyId: row.apiKeyId,
    from: original.from,
    to: original.to,
    cc: original.cc,
    bcc: original.bcc,
    replyTo: original.replyTo,
    subject: original.subject,
    text: original.text,
    html: original.html,
    attachments: original.attachments,
    // A relayed message is sent again as the device sent it (its own Message-ID inside; a new one for the row).
    ...(original.raw
      ? {
          relayClientId: row.relayClientId,
          raw: {
            mime: original.raw.mime,
            envelopeFrom: original.raw.envelopeFrom,
            envelopeRecipients: original.raw.recipients,
            messageIdHeader: null,
          },
        }
      : {}),
  });
  return { ok: true, id: copy.id, summary: 'sent again as a new message' };
}
