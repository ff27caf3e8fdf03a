'use server';
import { redirect } from 'next/navigation';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { createFirstAdministrator } from '@/lib/auth/create-first-administrator';
import { setSessionCookie } from '@/lib/auth/set-session-cookie';
import { createSession } from '@/lib/auth/sessions';
import { setupSchema } from '@/lib/auth/schemas';
import { publicAction } from '@/lib/actions/define-action';

export const setupAction = publicAction(setupSchema, async ({ name, email, password }, { request }) => {
  const admin = await createFirstAdministrator({ name, email, password });
  if (!admin) return { status: 'error', message: 'An administrator already exists. Sign in instead.' };
  await recordAuditEvent({
    actor: { id: admin.id, email: admin.email },
    action: 'administrator.create',
    target: { type: 'administrator', id: admin.id },
    summary: `First administrator ${admin.email} created in first-run setup`,
    ...request,
  });
  const { token, session } = await createSession(admin.id, request);
  await setSessionCookie(token, session.expiresAt);
  redirect('/');
});
