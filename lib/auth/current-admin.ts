import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loginUrlFor, RETURN_PATH_HEADER } from '@/lib/http/login-url';
import { findActiveSession } from './sessions';
import { SESSION_COOKIE } from './session-cookie';

export interface CurrentAdmin {
  id: string;
  email: string;
  name: string;
  sessionId: string;
}

/** The signed-in administrator for this request, or null. Cached per request. */
export const getCurrentAdmin = cache(async (): Promise<CurrentAdmin | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const session = await findActiveSession(token);
  if (!session) return null;
  return {
    id: session.administrator.id,
    email: session.administrator.email,
    name: session.administrator.name,
    sessionId: session.id,
  };
});

/** For pages: every console page calls this itself, because layouts are not re-run on client navigation. */
export async function requireAdmin(): Promise<CurrentAdmin> {
  const admin = await getCurrentAdmin();
  if (!admin) redirect(loginUrlFor((await headers()).get(RETURN_PATH_HEADER)));
  return admin;
}
