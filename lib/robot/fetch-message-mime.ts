import 'server-only';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import { graphFailureOfResponse } from '@/lib/entra/graph-failure';
import type { MailboxGraph } from './open-mailbox-graph';

// GET /messages/{id}/$value, read as a stream and cut off past the limit: a 100 MB message does not land in memory.
// A larger message keeps its size (from Content-Length, or "more than the limit") and is marked as not stored.

export interface MessageMime {
  /** The MIME bytes, or null when the message is larger than the limit. */
  bytes: Buffer | null;
  /** Its size in bytes; at least limit + 1 when it was cut off and the server did not say. */
  size: number;
}

export class GraphResponseError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export async function fetchMessageMime(
  graph: MailboxGraph,
  messageId: string,
  limitBytes: number,
): Promise<MessageMime> {
  const response = (await graph.client
    .api(`${graph.root}/messages/${encodeURIComponent(messageId)}/$value`)
    .responseType(ResponseType.RAW)
    .get()) as Response;
  if (!response.ok) {
    const failure = await graphFailureOfResponse(response);
    throw new GraphResponseError(failure.status, failure.code, failure.message, failure.retryAfterSeconds);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    await response.body?.cancel();
    return { bytes: null, size: declared };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      return { bytes: null, size };
    }
    chunks.push(Buffer.from(value));
  }
  return { bytes: Buffer.concat(chunks), size };
}
