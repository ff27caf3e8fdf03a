import { randomBytes, randomUUID } from 'node:crypto';
import type { Mount } from '../http/https-endpoint';
import { RouteTable } from '../http/route-table';
import type { SandboxContext } from '../sandbox-context';
import { attachToDraft, newAttachmentId } from './draft-routes';
import type { GraphCall } from './graph-call';
import { graphErrors } from './graph-error';
import { messageOf } from './message-routes';

// Large attachments: POST .../messages/{id}/attachments/createUploadSession returns an upload URL that
// carries its own token (Exchange's, on outlook.office.com; here a path of the sandbox); the client PUTs
// byte ranges to it, gets 200 with NextExpectedRanges until the last range, then 201 with a Location.

interface UploadSession {
  id: string;
  token: string;
  mailboxAddress: string;
  ownerId: string;
  messageId: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId?: string;
  chunks: Buffer[];
  received: number;
  expiresAt: number;
}

const MAX_ATTACHMENT_BYTES = 150 * 1024 * 1024;
const SESSION_LIFETIME_MS = 2 * 60 * 60 * 1000;

export class UploadSessions {
  readonly sessions = new Map<string, UploadSession>();

  async create(call: GraphCall): Promise<void> {
    const { owner, mailbox } = call.mailbox('write');
    const message = messageOf(call, mailbox);
    if (!message.isDraft) throw graphErrors.notDraft();
    const item = (await call.body()).AttachmentItem as Record<string, unknown> | undefined;
    if (
      !item ||
      item.attachmentType !== 'file' ||
      typeof item.name !== 'string' ||
      typeof item.size !== 'number' ||
      item.size <= 0 ||
      item.size > MAX_ATTACHMENT_BYTES
    ) {
      throw graphErrors.invalidRequest(
        "AttachmentItem needs attachmentType 'file', a name and a size between 1 byte and 150 MB.",
      );
    }
    const session: UploadSession = {
      id: randomUUID(),
      token: randomBytes(32).toString('base64url'),
      mailboxAddress: mailbox.address,
      ownerId: owner.id,
      messageId: message.id,
      name: item.name,
      contentType: typeof item.contentType === 'string' ? item.contentType : 'application/octet-stream',
      size: item.size,
      isInline: item.isInline === true,
      contentId: typeof item.contentId === 'string' ? item.contentId : undefined,
      chunks: [],
      received: 0,
      expiresAt: Date.now() + SESSION_LIFETIME_MS,
    };
    this.sessions.set(session.id, session);
    call.json(201, {
      '@odata.context': `${call.root}/$metadata#microsoft.graph.uploadSession`,
      uploadUrl: `${call.context.urls.authorityHost}/_upload/${session.id}?authtoken=${session.token}`,
      expirationDateTime: new Date(session.expiresAt).toISOString(),
      nextExpectedRanges: ['0-'],
    });
  }

  mount(context: SandboxContext): Mount {
    const routes = new RouteTable();
    const outlookError = (status: number, code: string, message: string) => ({
      status,
      body: { error: { code, message } },
    });
    routes.add('PUT', '/_upload/:session', async (exchange) => {
      const session = this.sessions.get(exchange.params.session ?? '');
      const fail = (e: ReturnType<typeof outlookError>) => exchange.json(e.status, e.body);
      if (!session || session.expiresAt < Date.now())
        return fail(outlookError(404, 'ErrorItemNotFound', 'The upload session was not found or has expired.'));
      if (exchange.url.searchParams.get('authtoken') !== session.token)
        return fail(outlookError(401, 'InvalidAuthenticationToken', 'Access token validation failure.'));
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(exchange.header('content-range') ?? '');
      const body = await exchange.readBody();
      const [start, end, total] = range ? [Number(range[1]), Number(range[2]), Number(range[3])] : [NaN, NaN, NaN];
      if (
        !range ||
        start !== session.received ||
        total !== session.size ||
        end < start ||
        end >= total ||
        body.length !== end - start + 1
      ) {
        return fail(
          outlookError(
            416,
            'InvalidContentRange',
            `The Content-Range header is not valid. Next expected range: ${session.received}-${session.size - 1}/${session.size}.`,
          ),
        );
      }
      session.chunks.push(body);
      session.received += body.length;
      if (session.received < session.size) {
        return exchange.json(200, {
          '@odata.context': 'https://outlook.office.com/api/v2.0/$metadata#Microsoft.OutlookServices.UploadSession',
          ExpirationDateTime: new Date(session.expiresAt).toISOString(),
          NextExpectedRanges: [String(session.received)],
        });
      }
      this.sessions.delete(session.id);
      const mailbox = context.mail.mailbox(session.mailboxAddress);
      const message = mailbox?.messages.get(session.messageId);
      if (!mailbox || !message)
        return fail(outlookError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'));
      const content = Buffer.concat(session.chunks);
      const attachment = {
        id: newAttachmentId(),
        name: session.name,
        contentType: session.contentType,
        size: content.length,
        isInline: session.isInline,
        contentId: session.contentId,
        content,
      };
      await attachToDraft(context, mailbox, message, attachment);
      const root = `${context.urls.graphBaseUrl}/v1.0`;
      exchange.empty(201, {
        Location: `${root}/users('${session.ownerId}')/messages('${message.id}')/attachments('${attachment.id}')`,
      });
    });
    routes.add('DELETE', '/_upload/:session', (exchange) => {
      this.sessions.delete(exchange.params.session ?? '');
      exchange.empty(204);
    });
    return {
      prefix: '/_upload',
      routes,
      notFound: (exchange) => exchange.json(404, { error: { code: 'ErrorItemNotFound', message: 'Not found.' } }),
    };
  }
}
