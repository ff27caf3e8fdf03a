import { redirect } from 'next/navigation';
import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { hasAdministrators } from '@/lib/auth/has-administrators';
import { safeReturnPath } from '@/lib/http/safe-return-path';
import { LoginForm } from './_components/login-form';

export const metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await hasAdministrators())) redirect('/setup');
  const next = safeReturnPath((await searchParams).next);
  if (await getCurrentAdmin()) redirect(next ?? '/');
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
      <LoginForm next={next} />
    </>
  );
}
