import 'server-only';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboundContent } from '@/lib/mail/mail-address';

/**
 * The message as RFC 5322 bytes. The Message-ID and Date are the ones fixed when the message was accepted, so every
 * attempt sends the same message. `keepBcc`: Graph reads Bcc recipients from the MIME headers (and strips them);
 * over SMTP they travel only in the envelope.
 */
export function composeMime(message: OutboundContent, options: { keepBcc: boolean }): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: message.to,
    cc: message.cc.length ? message.cc : undefined,
    bcc: message.bcc.length ? message.bcc : undefined,
    replyTo: message.replyTo.length ? message.replyTo : undefined,
    subject: message.subject,
    text: message.text ?? undefined,
    html: message.html ?? undefined,
    messageId: message.messageIdHeader,
    date: message.createdAt,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      ...(a.contentId ? { cid: a.contentId } : {}),
      contentDisposition: a.inline ? 'inline' : 'attachment',
    })),
  });
  const node = composer.compile();
  node.keepBcc = options.keepBcc;
  return node.build();
}
