import 'server-only';
import { env } from '@/lib/env';

export { SESSION_COOKIE } from './session-cookie-name';

/** Secure when the console is reached over https: directly configured, or as told by a trusted proxy. */
export function sessionCookieOptions(forwardedProto: string | null, expires: Date) {
  const { SWITCHBOARD_PUBLIC_URL, SWITCHBOARD_TRUST_PROXY } = env();
  const https =
    SWITCHBOARD_PUBLIC_URL?.startsWith('https://') || (SWITCHBOARD_TRUST_PROXY && forwardedProto === 'https');
  return { httpOnly: true, sameSite: 'lax' as const, secure: Boolean(https), path: '/', expires };
}
