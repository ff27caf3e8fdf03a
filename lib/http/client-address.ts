import 'server-only';
import { headers } from 'next/headers';

// server.ts overwrites X-Forwarded-For with the socket's address unless SWITCHBOARD_TRUST_PROXY is set, so the
// first entry is either the real peer or what the trusted proxy says the client was.

export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
}

export function clientAddressFrom(forwardedFor: string | null): string | null {
  const first = forwardedFor?.split(',')[0]?.trim();
  if (!first) return null;
  return first.replace(/^::ffff:/, '');
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return {
    ipAddress: clientAddressFrom(h.get('x-forwarded-for')),
    userAgent: h.get('user-agent')?.slice(0, 300) ?? null,
  };
}
