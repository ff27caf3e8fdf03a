import { NextResponse } from 'next/server';

/** 401 for a missing, unknown or revoked API key; never says which. */
export function unauthorizedResponse(): Response {
  return NextResponse.json(
    {
      error: 'unauthorized',
      message: 'Send an API key created under Settings → API keys: Authorization: Bearer <key>.',
    },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="switchboard"' } },
  );
}
