import 'server-only';
import crypto from 'node:crypto';
import { type Client, ResponseType } from '@microsoft/microsoft-graph-client';

export interface GraphAnswer {
  ok: boolean;
  /** 0 when no answer came (connection refused, reset, TLS). */
  status: number;
  requestId: string | null;
  retryAfter: string | null;
  body: unknown;
  /** Graph's error code (ErrorAccessDenied, …) or "" on success. */
  code: string;
  message: string;
}

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown };
}

/**
 * One Graph request, read raw: a 202 with an empty body is a success, and an error answer is returned (not thrown)
 * with Graph's code, message, request id and Retry-After.
 */
export async function callGraph(
  client: Client,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { body?: unknown; contentType?: string } = {},
): Promise<GraphAnswer> {
  let request = client.api(path).responseType(ResponseType.RAW).header('client-request-id', crypto.randomUUID());
  if (options.contentType) request = request.header('Content-Type', options.contentType);
  let response: Response;
  try {
    response = (
      method === 'GET'
        ? await request.get()
        : method === 'POST'
          ? await request.post(options.body ?? {})
          : await request.delete()
    ) as Response;
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = [
      typeof cause?.code === 'string' ? cause.code : null,
      typeof cause?.message === 'string' ? cause.message : (error as Error).message,
    ]
      .filter(Boolean)
      .join(' ');
    return {
      ok: false,
      status: 0,
      requestId: null,
      retryAfter: null,
      body: null,
      code: 'NetworkError',
      message: detail || 'no answer',
    };
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  const error = (body as GraphErrorBody | null)?.error;
  return {
    ok: response.ok,
    status: response.status,
    requestId: response.headers.get('request-id'),
    retryAfter: response.headers.get('retry-after'),
    body,
    code: response.ok ? '' : typeof error?.code === 'string' ? error.code : response.statusText,
    message: response.ok ? '' : typeof error?.message === 'string' ? error.message : text.slice(0, 300),
  };
}
