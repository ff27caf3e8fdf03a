import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { randomToken } from './pkce';

// Ties a sign-in to the browser that started it. SameSite=Lax: the cookie comes back on Microsoft's top-level
// redirect to /wm/externalAuth/redirect.html (a GET), and on nothing a third-party site could forge as a write.

export const BROWSER_BINDING_COOKIE = 'sb_auth_binding';

export async function ensureBrowserBinding(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(BROWSER_BINDING_COOKIE)?.value;
  if (existing) return existing;
  const value = randomToken();
  jar.set(BROWSER_BINDING_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: Boolean(env().SWITCHBOARD_PUBLIC_URL?.startsWith('https://')),
    path: '/',
    maxAge: 24 * 3600,
  });
  return value;
}
