import { redirect } from 'next/navigation';
import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { hasAdministrators } from '@/lib/auth/has-administrators';
import { LoginForm } from './_components/login-form';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (!(await hasAdministrators())) redirect('/setup');
  if (await getCurrentAdmin()) redirect('/');
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
      <LoginForm />
    </>
  );
}
