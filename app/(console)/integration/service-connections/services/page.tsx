import { PageHeader } from '@/components/ui/page-header';
import { Placeholder } from '@/components/ui/placeholder';
import { requireAdmin } from '@/lib/auth/current-admin';

export const metadata = { title: 'Services' };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Services" description="Kinds of Microsoft APIs, how Switchboard authenticates to them, and the scopes it asks for." />
      <Placeholder>This area is being built.</Placeholder>
    </>
  );
}
