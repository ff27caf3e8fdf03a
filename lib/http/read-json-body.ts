import 'server-only';

export type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413; body: { error: 'invalid_json' | 'too_large'; message: string } };

function tooLarge(limitBytes: number): JsonBody {
  const mb = Math.round(limitBytes / 1024 / 1024);
  return {
    ok: false,
    status: 413,
    body: { error: 'too_large', message: `The request body is larger than ${mb} MB, this endpoint's limit.` },
  };
}

/**
 * A request's JSON body, read as a stream and stopped at `limitBytes`: a declared Content-Length over the limit is
 * refused before a byte is read, and a body that grows past it (chunked, or a lying header) as soon as it does.
 * Memory stays near the body's own size, plus the parsed value.
 */
export async function readJsonBody(request: Request, limitBytes: number): Promise<JsonBody> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limitBytes) return tooLarge(limitBytes);
  if (!request.body)
    return {
      ok: false,
      status: 400,
      body: { error: 'invalid_json', message: 'The body is empty; send the message as JSON.' },
    };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks, size);
  chunks.length = 0;
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, body: { error: 'invalid_json', message: 'The body is not valid JSON.' } };
  }
}
