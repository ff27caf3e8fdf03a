import 'server-only';
import { cookies, headers } from 'next/headers';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const proto = (await headers()).get('x-forwarded-proto');
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(proto, expiresAt));
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
