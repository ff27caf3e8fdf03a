// A session for the fuzz tests that can also end (calls without a session) and whose cookie jar accepts writes
// (sign-in and Setup Authentication set cookies).
import crypto from 'node:crypto';
import { createAdministrator } from '@/lib/administrators/create-administrator';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';
import { createSession } from '@/lib/auth/sessions';

const current = { token: '' };

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && current.token ? { name, value: current.token } : undefined),
    set: () => {},
    delete: () => {},
  }),
  headers: async () =>
    new Headers({
      'user-agent': 'fuzz',
      'x-forwarded-for': '198.51.100.9',
      host: 'localhost:3000',
      'x-forwarded-proto': 'http',
    }),
};

export async function signInAsAdministrator(): Promise<{ id: string; email: string }> {
  const email = `fuzz-${crypto.randomBytes(4).toString('hex')}@switchboard.test`;
  const created = await createAdministrator({ name: 'Fuzz Admin', email, password: 'a-long-test-password' });
  if (!created.ok) throw new Error(created.error);
  current.token = (await createSession(created.admin.id, { ipAddress: '198.51.100.9', userAgent: 'fuzz' })).token;
  return { id: created.admin.id, email };
}

export function signOutForTests(): void {
  current.token = '';
}
