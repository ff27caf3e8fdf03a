'use server';
import { redirect } from 'next/navigation';
import { createFirstAdministrator } from '@/lib/auth/create-first-administrator';
import { setSessionCookie } from '@/lib/auth/set-session-cookie';
import { createSession } from '@/lib/auth/sessions';
import { setupSchema } from '@/lib/auth/schemas';
import { publicAction } from '@/lib/actions/define-action';

export const setupAction = publicAction(
  setupSchema,
  { action: 'administrator.create', target: 'administrator' },
  async ({ name, email, password }, { request, audit }) => {
    const admin = await createFirstAdministrator({ name, email, password });
    if (!admin) return { status: 'error', message: 'An administrator already exists. Sign in instead.' };
    audit.actor = { id: admin.id, email: admin.email };
    audit.target = admin.id;
    audit.summary = `First administrator ${admin.email} created in first-run setup`;
    const { token, session } = await createSession(admin.id, request);
    await setSessionCookie(token, session.expiresAt);
    redirect('/');
  },
);
