import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { redirectUriFor, type RedirectUri } from './redirect-uri';

/**
 * Built from SWITCHBOARD_PUBLIC_URL when set (the address people and Microsoft use); otherwise from the request:
 * its Host header, and the scheme and host a trusted proxy reports (server.ts drops those headers from untrusted
 * peers).
 */
export async function getRedirectUri(): Promise<RedirectUri> {
  const { SWITCHBOARD_PUBLIC_URL, SWITCHBOARD_TRUST_PROXY } = env();
  if (SWITCHBOARD_PUBLIC_URL) return redirectUriFor(SWITCHBOARD_PUBLIC_URL);
  const h = await headers();
  const forwardedHost = SWITCHBOARD_TRUST_PROXY ? h.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const forwardedProto = SWITCHBOARD_TRUST_PROXY ? h.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const host = forwardedHost || h.get('host') || 'localhost';
  const proto = forwardedProto === 'https' ? 'https' : 'http';
  return redirectUriFor(`${proto}://${host}`);
}
