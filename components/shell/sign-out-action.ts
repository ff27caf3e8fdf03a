'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { revokeSessionByToken } from '@/lib/auth/sessions';
import { clearSessionCookie } from '@/lib/auth/set-session-cookie';
import { requestContext } from '@/lib/http/client-address';

export async function signOutAction(): Promise<void> {
  const admin = await getCurrentAdmin();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await revokeSessionByToken(token);
  await clearSessionCookie();
  if (admin) {
    await recordAuditEvent({
      actor: { id: admin.id, email: admin.email },
      action: 'auth.logout',
      summary: `${admin.email} signed out`,
      ...(await requestContext()),
    });
  }
  redirect('/login');
}
