import { PageHeader } from '@/components/ui/page-header';
import { Placeholder } from '@/components/ui/placeholder';
import { requireAdmin } from '@/lib/auth/current-admin';

export const metadata = { title: 'Connections' };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Connections" description="Service connections combine a service and a tenant with the account that signed in." />
      <Placeholder>This area is being built.</Placeholder>
    </>
  );
}
