'use server';
import { redirect } from 'next/navigation';
import { publicAction } from '@/lib/actions/define-action';
import { setSessionCookie } from '@/lib/auth/set-session-cookie';
import { signIn } from '@/lib/auth/sign-in';
import { loginSchema } from '@/lib/auth/schemas';
import { safeReturnPath } from '@/lib/http/safe-return-path';

// Sign-in is audited where it is decided (lib/auth/sign-in), with the address tried and why it was refused.
export const loginAction = publicAction(loginSchema, null, async ({ email, password }, { request, values }) => {
  const result = await signIn(email, password, request);
  if (!result.ok) {
    if (result.reason === 'rate-limited') {
      const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60));
      return {
        status: 'error',
        message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      };
    }
    return {
      status: 'error',
      message: 'The email or password is incorrect.',
      fieldErrors: { password: 'The email or password is incorrect.' },
    };
  }
  await setSessionCookie(result.token, result.expiresAt);
  // Back to the page that sent the browser here, when it is a page of this console; the start page otherwise.
  redirect(safeReturnPath(values.next) ?? '/');
});
