import 'server-only';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { OutboundContent } from '@/lib/mail/mail-address';
import { callGraph } from './call-graph';
import { classifyGraphResponse } from './classify-graph-response';
import type { DeliveryOutcome } from './delivery-outcome';

// Messages too large for one sendMail request: create a draft (small attachments inside it), add each large
// attachment through an upload session, then send the draft. The draft's id is stored with the message before
// anything is uploaded, so an attempt interrupted by a crash can tell whether the draft was already sent (it is gone
// from Drafts) or must be dropped and made again — no duplicate either way. Needs Mail.ReadWrite besides Mail.Send.

export interface DraftStore {
  /** The draft an earlier attempt created, if any. */
  previous: string | null;
  save(draftId: string | null): Promise<void>;
}

/**
 * What a draft is made of: an API message, or a relayed one rebuilt from its MIME, which may also carry custom headers
 * (Graph's internetMessageHeaders: x- names only, at most five) and an importance.
 */
export type DraftContent = OutboundContent & {
  headers?: { name: string; value: string }[];
  importance?: 'low' | 'normal' | 'high';
};

type Attachment = OutboundContent['attachments'][number];

// Graph takes at most 4 MB in one request, files base64-encoded: the draft carries the small files that fit beside its
// body, each other file small enough goes in a request of its own, larger ones through upload sessions.
const REQUEST_LIMIT = 4 * 1024 * 1024 - 64 * 1024;
const INLINE_LIMIT = Math.floor((REQUEST_LIMIT * 3) / 4) - 4 * 1024;
// Graph wants upload chunks in multiples of 320 KiB, each under 4 MiB.
const CHUNK_BYTES = 320 * 1024 * 12;

const recipients = (list: { address: string; name: string }[]) =>
  list.map((a) => ({ emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) } }));

function draftOf(message: DraftContent, attachments: Attachment[]) {
  return {
    subject: message.subject,
    body:
      message.html !== null
        ? { contentType: 'html', content: message.html }
        : { contentType: 'text', content: message.text ?? '' },
    from: recipients([message.from])[0],
    toRecipients: recipients(message.to),
    ccRecipients: recipients(message.cc),
    bccRecipients: recipients(message.bcc),
    replyTo: recipients(message.replyTo),
    internetMessageId: message.messageIdHeader,
    // None rather than an empty collection, which has been reported refused like one of more than five.
    ...(message.headers?.length ? { internetMessageHeaders: message.headers } : {}),
    ...(message.importance ? { importance: message.importance } : {}),
    attachments: attachments.map(fileAttachmentOf),
  };
}

function fileAttachmentOf(a: Attachment) {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name: a.filename,
    contentType: a.contentType,
    contentBytes: a.content.toString('base64'),
    isInline: a.inline,
    ...(a.contentId ? { contentId: a.contentId } : {}),
  };
}

/** Which files go inside the draft's own request, which in one request each, which through upload sessions. */
function planAttachments(message: DraftContent) {
  const plan: Record<'inDraft' | 'posted' | 'uploaded', Attachment[]> = { inDraft: [], posted: [], uploaded: [] };
  let size = Buffer.byteLength(JSON.stringify(draftOf(message, [])));
  for (const attachment of message.attachments) {
    const cost = Math.ceil(attachment.content.length / 3) * 4 + 1024;
    if (attachment.content.length > INLINE_LIMIT) plan.uploaded.push(attachment);
    else if (size + cost <= REQUEST_LIMIT) {
      plan.inDraft.push(attachment);
      size += cost;
    } else plan.posted.push(attachment);
  }
  return plan;
}

async function upload(uploadUrl: string, content: Buffer): Promise<DeliveryOutcome | null> {
  for (let start = 0; start < content.length; start += CHUNK_BYTES) {
    const chunk = content.subarray(start, Math.min(content.length, start + CHUNK_BYTES));
    const end = start + chunk.length - 1;
    // The upload URL carries its own authorization (Exchange's); no bearer token is sent to it.
    const response = await fetch(uploadUrl, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Range': `bytes ${start}-${end}/${content.length}`,
      },
      body: new Uint8Array(chunk),
    }).catch((error: Error) => error);
    if (response instanceof Error)
      return { kind: 'retry', code: 'NetworkError', answer: `Upload failed: ${response.message}` };
    if (response.status !== 200 && response.status !== 201) {
      const text = await response.text();
      const parsed = /"code"\s*:\s*"([^"]+)"[\s\S]*?"message"\s*:\s*"([^"]*)"/.exec(text);
      return classifyGraphResponse({
        status: response.status,
        code: parsed?.[1] ?? '',
        message: parsed?.[2] ?? text.slice(0, 300),
        retryAfter: response.headers.get('retry-after'),
      });
    }
  }
  return null;
}

export async function sendGraphDraft(
  client: Client,
  base: string,
  message: DraftContent,
  drafts: DraftStore,
): Promise<DeliveryOutcome> {
  if (drafts.previous) {
    const existing = await callGraph(
      client,
      'GET',
      `${base}/messages/${encodeURIComponent(drafts.previous)}?$select=id,isDraft`,
    );
    if (existing.status === 404) {
      return {
        kind: 'sent',
        code: '202',
        answer: 'The draft an interrupted attempt created is no longer in Drafts: it was sent then.',
        providerMessageId: drafts.previous,
      };
    }
    if (!existing.ok) return classifyGraphResponse(existing);
    const dropped = await callGraph(client, 'DELETE', `${base}/messages/${encodeURIComponent(drafts.previous)}`);
    if (!dropped.ok && dropped.status !== 404) return classifyGraphResponse(dropped);
    await drafts.save(null);
  }
  const { inDraft, posted, uploaded } = planAttachments(message);
  const created = await callGraph(client, 'POST', `${base}/messages`, { body: draftOf(message, inDraft) });
  if (!created.ok) return classifyGraphResponse(created);
  const draftId = (created.body as { id?: unknown } | null)?.id;
  if (typeof draftId !== 'string')
    return {
      kind: 'retry',
      code: String(created.status),
      answer: 'Microsoft Graph created the draft but returned no id.',
    };
  await drafts.save(draftId);
  const path = `${base}/messages/${encodeURIComponent(draftId)}`;
  for (const attachment of posted) {
    const added = await callGraph(client, 'POST', `${path}/attachments`, { body: fileAttachmentOf(attachment) });
    if (!added.ok) return classifyGraphResponse(added);
  }
  for (const attachment of uploaded) {
    const item = {
      attachmentType: 'file',
      name: attachment.filename,
      size: attachment.content.length,
      contentType: attachment.contentType,
      isInline: attachment.inline,
      ...(attachment.contentId ? { contentId: attachment.contentId } : {}),
    };
    const session = await callGraph(client, 'POST', `${path}/attachments/createUploadSession`, {
      body: { AttachmentItem: item },
    });
    if (!session.ok) return classifyGraphResponse(session);
    const uploadUrl = (session.body as { uploadUrl?: unknown } | null)?.uploadUrl;
    if (typeof uploadUrl !== 'string')
      return { kind: 'retry', code: String(session.status), answer: 'Microsoft Graph returned no upload URL.' };
    const failed = await upload(uploadUrl, attachment.content);
    if (failed) return failed;
  }
  const sent = await callGraph(client, 'POST', `${path}/send`);
  if (!sent.ok) return classifyGraphResponse(sent);
  return {
    kind: 'sent',
    code: String(sent.status),
    answer: `${sent.status} Draft sent by Microsoft Graph (request-id ${sent.requestId ?? 'none'})`,
    providerMessageId: draftId,
  };
}
