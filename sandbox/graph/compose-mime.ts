import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailAddress } from '../store/mail-types';

// Graph builds a MIME message out of a JSON message before Exchange delivers it; the sandbox does the same
// with nodemailer's composer, so Graph and SMTP mail take one delivery path.

export interface ComposeAttachment {
  name: string;
  contentType: string;
  content: Buffer;
  isInline: boolean;
  contentId?: string;
}

export interface ComposeInput {
  from: MailAddress;
  sender?: MailAddress;
  toRecipients: MailAddress[];
  ccRecipients: MailAddress[];
  bccRecipients: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  attachments: ComposeAttachment[];
  headers: { name: string; value: string }[];
  importance: 'low' | 'normal' | 'high';
  internetMessageId?: string;
}

const asAddress = (a: MailAddress) => ({ name: a.name === a.address ? '' : a.name, address: a.address });

export function newInternetMessageId(): string {
  return `<${randomBytes(12).toString('hex').toUpperCase()}@sandbox.prod.outlook.com>`;
}

export async function composeMime(input: ComposeInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: asAddress(input.from),
    sender: input.sender && input.sender.address !== input.from.address ? asAddress(input.sender) : undefined,
    to: input.toRecipients.map(asAddress),
    cc: input.ccRecipients.map(asAddress),
    bcc: input.bccRecipients.map(asAddress),
    replyTo: input.replyTo.length ? input.replyTo.map(asAddress) : undefined,
    subject: input.subject,
    text: input.body.contentType === 'text' ? input.body.content : undefined,
    html: input.body.contentType === 'html' ? input.body.content : undefined,
    attachments: input.attachments.map((a) => ({
      filename: a.name,
      content: a.content,
      contentType: a.contentType,
      cid: a.contentId,
      contentDisposition: a.isInline ? ('inline' as const) : ('attachment' as const),
    })),
    // MailComposer ignores `priority` (only nodemailer's transport writes it); Exchange writes these two.
    headers: {
      ...Object.fromEntries(input.headers.map((h) => [h.name, h.value])),
      ...(input.importance === 'normal'
        ? {}
        : { Importance: input.importance, 'X-Priority': input.importance === 'high' ? '1' : '5' }),
    },
    messageId: input.internetMessageId ?? newInternetMessageId(),
    date: new Date(),
  });
  const node = composer.compile();
  return node.build();
}
