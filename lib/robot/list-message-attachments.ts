import 'server-only';
import { simpleParser } from 'mailparser';
import type { MailboxGraph } from './open-mailbox-graph';

// The attachments of a message, listed (name, type, size, inline), never their content: read from the stored MIME
// when there is one (no extra Graph call), else from Graph's attachment list for a message too large to store.

export interface AttachmentInfo {
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
}

interface GraphAttachments {
  value: { name?: string; contentType?: string; size?: number; isInline?: boolean }[];
}

export async function listMessageAttachments(
  graph: MailboxGraph,
  messageId: string,
  mime: Buffer | null,
  hasAttachments: boolean,
): Promise<AttachmentInfo[]> {
  if (mime) {
    const parsed = await simpleParser(mime, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
    return parsed.attachments.map((a) => ({
      name: a.filename ?? '(no name)',
      contentType: a.contentType,
      size: a.size,
      isInline: a.contentDisposition === 'inline' || Boolean(a.related),
    }));
  }
  if (!hasAttachments) return [];
  const list = (await graph.client
    .api(`${graph.root}/messages/${encodeURIComponent(messageId)}/attachments?$select=name,contentType,size,isInline`)
    .get()) as GraphAttachments;
  return list.value.map((a) => ({
    name: a.name ?? '(no name)',
    contentType: a.contentType ?? 'application/octet-stream',
    size: a.size ?? 0,
    isInline: Boolean(a.isInline),
  }));
}
