// Stand-ins for Next's request APIs, so the server actions run in vitest exactly as a form post would run them:
// parse, authenticate (a real session in the test database), act, audit. Each test file mocks `next/headers` and
// `next/cache` with these (vi.mock must sit in the test file itself).
import crypto from 'node:crypto';
import type { ActionState } from '@/lib/actions/action-state';
import { createAdministrator } from '@/lib/administrators/create-administrator';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';
import { createSession } from '@/lib/auth/sessions';

const current = { token: '' };

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && current.token ? { name, value: current.token } : undefined),
  }),
  headers: async () => new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '127.0.0.1', host: 'localhost:3000' }),
};

export const nextCacheMock = { revalidatePath: () => {}, revalidateTag: () => {} };

/** Creates an administrator with a session in the current database and acts as them. */
export async function signInAsAdministrator(): Promise<{ id: string; email: string }> {
  const email = `admin-${crypto.randomBytes(4).toString('hex')}@switchboard.test`;
  const created = await createAdministrator({ name: 'Test Admin', email, password: 'a-long-test-password' });
  if (!created.ok) throw new Error(created.error);
  const { token } = await createSession(created.admin.id, { ipAddress: '127.0.0.1', userAgent: 'vitest' });
  current.token = token;
  return { id: created.admin.id, email };
}

export function form(fields: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.set(key, value);
  return data;
}

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Runs an action; a redirect (Save & Close) comes back as `{ redirectedTo }`. */
export async function submit(
  action: Action,
  fields: Record<string, string | undefined>,
): Promise<ActionState & { redirectedTo?: string }> {
  try {
    return await action({ status: 'idle' }, form(fields));
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) {
      return { status: 'success', redirectedTo: digest.split(';').slice(2, -2).join(';') };
    }
    throw error;
  }
}
