import { NextResponse } from 'next/server';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { acceptApiMessage } from '@/lib/mail/outbox/accept-api-message';
import { unauthorizedResponse } from '@/lib/api-keys/unauthorized-response';

// Request bodies carry attachments in base64: 35 MB of message is about 47 MB of JSON.
const MAX_BODY_BYTES = 48 * 1024 * 1024;

// POST /api/v1/messages - accept a message into the outbox; 202 with its id once it is stored
export async function POST(request: Request): Promise<Response> {
  const caller = await authenticateApiKey(request.headers.get('authorization'));
  if (!caller) return unauthorizedResponse();
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return NextResponse.json({ error: 'unsupported_media_type', message: 'Send the message as application/json.' }, { status: 415 });
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return NextResponse.json({ error: 'too_large', message: 'The request is larger than 48 MB.' }, { status: 413 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: 'invalid_json', message: 'The body is not valid JSON.' }, { status: 400 });
  }
  const result = await acceptApiMessage(body, caller.keyId);
  if (!result.ok) return NextResponse.json(result.body, { status: result.status, headers: result.status === 503 ? { 'Retry-After': '60' } : {} });
  return NextResponse.json({ id: result.id, state: 'queued', messageId: result.messageId }, { status: 202, headers: { Location: `/api/v1/messages/${result.id}` } });
}
