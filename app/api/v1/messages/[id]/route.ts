import { NextResponse } from 'next/server';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { getApiMessageStatus } from '@/lib/mail/outbox/get-api-message-status';
import { unauthorizedResponse } from '@/lib/api-keys/unauthorized-response';

// GET /api/v1/messages/{id} - the state of a message this API key submitted
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const caller = await authenticateApiKey(request.headers.get('authorization'));
  if (!caller) return unauthorizedResponse();
  const { id } = await params;
  const status = await getApiMessageStatus(id, caller.keyId);
  if (!status) return NextResponse.json({ error: 'not_found', message: 'No message with this id was submitted with this API key.' }, { status: 404 });
  return NextResponse.json(status);
}
