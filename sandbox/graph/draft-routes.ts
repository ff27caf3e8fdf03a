import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../sandbox-context';
import { deliverParsed } from '../store/deliver-message';
import type { Mailbox, StoredAttachment, StoredMessage } from '../store/mail-types';
import { parseMimeMessage } from '../store/parse-mime-message';
import { composeMime, type ComposeInput } from './compose-mime';
import type { GraphCall } from './graph-call';
import { graphErrors } from './graph-error';
import { composeFields, parseGraphMessage, toAddress, toAttachment } from './graph-message-input';
import { attachmentResource, messageResource } from './message-resource';
import { messageOf, renderOptions } from './message-routes';
import { checkRecipients, checkSendAs } from './send-mail-route';

// Drafts: POST /messages creates one in Drafts, attachments are added to it (small ones directly, large ones
// through an upload session), POST /messages/{id}/send sends it.

const COMPOSER_HEADERS = /^(x-priority|x-msmail-priority|x-mailer)$/i;

function composeInputOf(message: StoredMessage): ComposeInput {
  return {
    from: message.from ?? { name: '', address: '' },
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients,
    bccRecipients: message.bccRecipients,
    replyTo: message.replyTo,
    subject: message.subject,
    body:
      message.html !== undefined
        ? { contentType: 'html', content: message.html }
        : { contentType: 'text', content: message.text ?? '' },
    attachments: message.attachments,
    headers: message.headers.filter((h) => /^x-/i.test(h.name) && !COMPOSER_HEADERS.test(h.name)),
    importance: message.importance,
    internetMessageId: message.internetMessageId,
  };
}

/** Rebuilds a draft's MIME after its attachments changed. */
export async function attachToDraft(
  context: SandboxContext,
  mailbox: Mailbox,
  message: StoredMessage,
  attachment: StoredAttachment,
): Promise<void> {
  const attachments = [...message.attachments, attachment];
  const raw = await composeMime({ ...composeInputOf(message), attachments });
  context.mail.replaceContent(mailbox, message, { attachments, raw });
}

export function newAttachmentId(): string {
  return `AAMkAGA${randomBytes(24).toString('base64url')}`;
}

export async function createDraft(call: GraphCall): Promise<void> {
  const { owner, mailbox } = call.mailbox('write');
  const message = parseGraphMessage(await call.body());
  const fields = composeFields(message);
  const from = message.from ? toAddress(message.from) : { name: owner.displayName, address: owner.address };
  const content = await parseMimeMessage(await composeMime({ ...fields, from }));
  const drafts = call.context.mail.folder(mailbox, 'drafts');
  if (!drafts) throw graphErrors.itemNotFound();
  const stored = call.context.mail.addMessage(
    mailbox,
    drafts.id,
    { ...content, bccRecipients: fields.bccRecipients },
    { isDraft: true, isRead: true },
  );
  call.json(201, messageResource(stored, renderOptions(call)));
}

export async function sendDraft(call: GraphCall): Promise<void> {
  const { owner, mailbox } = call.mailbox('send');
  const message = messageOf(call, mailbox);
  if (!message.isDraft) throw graphErrors.notDraft();
  checkSendAs(call.context, call, owner, message.from?.address);
  const recipients = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients].map((a) => a.address);
  checkRecipients(recipients);
  const content = await parseMimeMessage(await composeMime(composeInputOf(message)));
  call.context.mail.removeMessage(mailbox, message);
  deliverParsed(
    call.context,
    { ...content, bccRecipients: message.bccRecipients },
    { recipients, senderMailbox: owner.address },
  );
  call.context.counters.increment('graph:sendMail');
  call.empty(202);
}

export async function addAttachment(call: GraphCall): Promise<void> {
  const { mailbox } = call.mailbox('write');
  const message = messageOf(call, mailbox);
  if (!message.isDraft) throw graphErrors.notDraft();
  const input = parseGraphMessage({ attachments: [await call.body()] }).attachments?.[0];
  if (!input) throw graphErrors.emptyPayload();
  const file = toAttachment(input);
  const attachment: StoredAttachment = { ...file, id: newAttachmentId(), size: file.content.length };
  await attachToDraft(call.context, mailbox, message, attachment);
  call.json(201, attachmentResource(attachment));
}

export function listAttachments(call: GraphCall): void {
  const { owner, mailbox } = call.mailbox('read');
  const message = messageOf(call, mailbox);
  call.json(200, {
    '@odata.context': `${call.root}/$metadata#users('${encodeURIComponent(owner.id)}')/messages('${encodeURIComponent(message.id)}')/attachments`,
    value: message.attachments.map((a) => attachmentResource(a)),
  });
}

export function getAttachment(call: GraphCall): void {
  const { mailbox } = call.mailbox('read');
  const attachment = messageOf(call, mailbox).attachments.find((a) => a.id === call.exchange.params.attachment);
  if (!attachment) throw graphErrors.itemNotFound();
  call.json(200, attachmentResource(attachment));
}
