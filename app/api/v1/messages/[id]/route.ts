import { NextResponse } from 'next/server';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { getApiMessageStatus } from '@/lib/mail/outbox/get-api-message-status';
import { unauthorizedResponse } from '@/lib/api-keys/unauthorized-response';

// GET /api/v1/messages/{id} - the state of a message this API key submitted
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const caller = await authenticateApiKey(request.headers.get('authorization'));
  if (!caller) return unauthorizedResponse();
  const { id } = await params;
  // Message ids are cuids; anything else (a NUL byte PostgreSQL would refuse, a megabyte) is simply not found.
  const status = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getApiMessageStatus(id, caller.keyId) : null;
  if (!status)
    return NextResponse.json(
      { error: 'not_found', message: 'No message with this id was submitted with this API key.' },
      { status: 404 },
    );
  return NextResponse.json(status);
}
