import { PageHeader } from '@/components/ui/page-header';
import { Placeholder } from '@/components/ui/placeholder';
import { requireAdmin } from '@/lib/auth/current-admin';

export const metadata = { title: 'Tenants' };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Tenants" description="Entra ID app registrations: the directory, the application and its client secret." />
      <Placeholder>This area is being built.</Placeholder>
    </>
  );
}
