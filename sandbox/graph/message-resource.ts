import type { MailAddress, MailFolder, StoredAttachment, StoredMessage } from '../store/mail-types';

// Stored messages, attachments and folders as Graph's JSON resources, with $select applied.

const recipient = (a: MailAddress) => ({ emailAddress: { name: a.name, address: a.address } });

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}

export interface RenderOptions {
  select?: string[];
  /** Prefer: outlook.body-content-type="text". */
  preferText?: boolean;
  expandAttachments?: boolean;
}

export function attachmentResource(attachment: StoredAttachment, withContent = true): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': attachment.contentType,
    id: attachment.id,
    lastModifiedDateTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
    contentId: attachment.contentId ?? null,
    contentLocation: null,
  };
  if (withContent) resource.contentBytes = attachment.content.toString('base64');
  return resource;
}

export function messageResource(message: StoredMessage, options: RenderOptions = {}): Record<string, unknown> {
  const text = message.text ?? (message.html ? htmlToText(message.html) : '');
  const asHtml = message.html !== undefined && !options.preferText;
  const full: Record<string, unknown> = {
    '@odata.etag': `W/"${message.changeKey}"`,
    id: message.id,
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey: message.changeKey,
    categories: message.categories,
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime ?? message.receivedDateTime,
    hasAttachments: message.attachments.some((a) => !a.isInline),
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: text.replace(/\s+/g, ' ').trim().slice(0, 255),
    importance: message.importance,
    parentFolderId: message.folderId,
    conversationId: message.conversationId,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: message.isRead,
    isDraft: message.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: asHtml ? { contentType: 'html', content: message.html } : { contentType: 'text', content: text },
    sender: message.sender ? recipient(message.sender) : null,
    from: message.from ? recipient(message.from) : null,
    toRecipients: message.toRecipients.map(recipient),
    ccRecipients: message.ccRecipients.map(recipient),
    bccRecipients: message.bccRecipients.map(recipient),
    replyTo: message.replyTo.map(recipient),
    flag: { flagStatus: message.flagStatus },
  };
  const extras: Record<string, unknown> = {
    internetMessageHeaders: message.headers,
    uniqueBody: full.body,
  };
  if (options.expandAttachments) full.attachments = message.attachments.map((a) => attachmentResource(a));
  if (!options.select?.length) return full;
  const picked: Record<string, unknown> = { '@odata.etag': full['@odata.etag'], id: message.id };
  for (const name of options.select) {
    const key = Object.keys({ ...full, ...extras }).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key) picked[key] = key in full ? full[key] : extras[key];
  }
  if (options.expandAttachments) picked.attachments = full.attachments;
  return picked;
}

export function folderResource(
  folder: MailFolder,
  all: MailFolder[],
  messages: StoredMessage[],
): Record<string, unknown> {
  const inFolder = messages.filter((m) => m.folderId === folder.id);
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: all.filter((f) => f.parentFolderId === folder.id).length,
    unreadItemCount: inFolder.filter((m) => !m.isRead).length,
    totalItemCount: inFolder.length,
    sizeInBytes: inFolder.reduce((sum, m) => sum + m.raw.length, 0),
    isHidden: false,
  };
}
