import { NextResponse } from 'next/server';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { acceptApiMessage } from '@/lib/mail/outbox/accept-api-message';
import { unauthorizedResponse } from '@/lib/api-keys/unauthorized-response';

// Request bodies carry attachments in base64: 35 MB of message is about 47 MB of JSON. proxy.ts leaves this route
// out of its matcher, so the body streams here instead of being cut at the proxy's 10 MB copy.
const MAX_BODY_BYTES = 48 * 1024 * 1024;

// POST /api/v1/messages - accept a message into the outbox; 202 with its id once it is stored
export async function POST(request: Request): Promise<Response> {
  const caller = await authenticateApiKey(request.headers.get('authorization'));
  if (!caller) return unauthorizedResponse();
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return NextResponse.json(
      { error: 'unsupported_media_type', message: 'Send the message as application/json.' },
      { status: 415 },
    );
  }
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return NextResponse.json(body.body, { status: body.status });
  const result = await acceptApiMessage(body.value, caller.keyId);
  if (!result.ok)
    return NextResponse.json(result.body, {
      status: result.status,
      headers: result.status === 503 ? { 'Retry-After': '60' } : {},
    });
  return NextResponse.json(
    { id: result.id, state: 'queued', messageId: result.messageId },
    { status: 202, headers: { Location: `/api/v1/messages/${result.id}` } },
  );
}
