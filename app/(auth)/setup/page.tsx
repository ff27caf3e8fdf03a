import { redirect } from 'next/navigation';
import { hasAdministrators } from '@/lib/auth/has-administrators';
import { SetupForm } from './_components/setup-form';

export const metadata = { title: 'First-run setup' };

export default async function SetupPage() {
  if (await hasAdministrators()) redirect('/login');
  return (
    <>
      <h1 className="text-xl font-semibold">Welcome to Switchboard</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        Create the first administrator. You can add more later under Administrators.
      </p>
      <SetupForm />
    </>
  );
}
