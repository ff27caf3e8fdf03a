import 'server-only';
import type Mail from 'nodemailer/lib/mailer';
import type { OutboundContent } from '@/lib/mail/mail-address';

/**
 * The message as nodemailer's options. The Message-ID and Date are the ones fixed when the message was accepted, so
 * every attempt sends the same message.
 */
export function mailComposerOptions(message: OutboundContent): Mail.Options {
  return {
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
    attachments:
      message.attachments.length === 0
        ? undefined
        : message.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
            ...(a.contentId ? { cid: a.contentId } : {}),
            contentDisposition: a.inline ? 'inline' : 'attachment',
          })),
  };
}
