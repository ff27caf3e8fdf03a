import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { ChangePasswordForm } from './_components/change-password-form';

export const metadata = { title: 'Your account' };

export default async function AccountPage() {
  const admin = await requireAdmin();
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${admin.name} (${admin.email}).`} />
      <section aria-labelledby="pw" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="pw" className="mb-4 text-lg font-semibold">
          Change password
        </h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
