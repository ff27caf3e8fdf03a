// A failed Graph call as a value: the HTTP status, Graph's error code and message, and Retry-After when Microsoft
// throttled. Built from the Graph SDK's GraphError, from a raw failed response, or from a network error. Universal.

export interface GraphFailure {
  /** HTTP status; 0 when no answer came (network error, timeout) or no call was made (no token). */
  status: number;
  /** Graph's code (`ErrorAccessDenied`, `SyncStateNotFound`…) or ours: `TokenUnavailable`, `NetworkError`, `Timeout`, `InternalError` (a bug or the database, not Microsoft). */
  code: string;
  message: string;
  retryAfterSeconds?: number;
  /** The token service's reason when code is `TokenUnavailable`. */
  tokenReason?: 'not_found' | 'not_authenticated' | 'needs_reauth' | 'failed';
}

interface GraphErrorLike {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  body?: unknown;
  headers?: unknown;
  retryAfterSeconds?: unknown;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]?.trim() ?? '';
}

function retryAfterOf(headers: unknown): number | undefined {
  const value =
    headers && typeof (headers as Headers).get === 'function' ? (headers as Headers).get('retry-after') : null;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function bodyOf(body: unknown): { code?: string; message?: string } {
  if (typeof body !== 'string') return {};
  try {
    const parsed = JSON.parse(body) as {
      code?: unknown;
      message?: unknown;
      error?: { code?: unknown; message?: unknown };
    };
    const inner = parsed.error ?? parsed;
    return {
      code: typeof inner.code === 'string' ? inner.code : undefined,
      message: typeof inner.message === 'string' ? inner.message : undefined,
    };
  } catch {
    return {};
  }
}

export function graphFailureOf(thrown: unknown): GraphFailure {
  const e = (thrown ?? {}) as GraphErrorLike;
  if (typeof e.statusCode === 'number' && e.statusCode > 0) {
    const parsed = bodyOf(e.body);
    const code = typeof e.code === 'string' && e.code ? e.code : (parsed.code ?? `HTTP ${e.statusCode}`);
    const message = typeof e.message === 'string' && e.message ? e.message : (parsed.message ?? '');
    const retryAfterSeconds = typeof e.retryAfterSeconds === 'number' ? e.retryAfterSeconds : retryAfterOf(e.headers);
    return { status: e.statusCode, code, message: firstLine(message), retryAfterSeconds };
  }
  const message = firstLine(typeof e.message === 'string' ? e.message : String(thrown));
  // The SDK wraps what happened before any answer (network, timeout, our token provider) with statusCode -1.
  if (e.statusCode === -1) {
    if (e.code === 'TokenUnavailable') return { status: 0, code: 'TokenUnavailable', tokenReason: 'failed', message };
    const timedOut = e.code === 'TimeoutError' || e.code === 'AbortError';
    return { status: 0, code: timedOut ? 'Timeout' : 'NetworkError', message };
  }
  return { status: 0, code: 'InternalError', message };
}

/** A failed response read with ResponseType.RAW (the SDK does not throw for those). */
export async function graphFailureOfResponse(response: Response): Promise<GraphFailure> {
  const text = await response.text().catch(() => '');
  const parsed = bodyOf(text);
  return {
    status: response.status,
    code: parsed.code ?? `HTTP ${response.status}`,
    message: firstLine(parsed.message ?? response.statusText),
    retryAfterSeconds: retryAfterOf(response.headers),
  };
}
