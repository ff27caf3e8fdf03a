import { PageHeader } from '@/components/ui/page-header';
import { Placeholder } from '@/components/ui/placeholder';
import { requireAdmin } from '@/lib/auth/current-admin';

export const metadata = { title: 'Outbox' };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Outbox" description="Every message Switchboard accepted, and what happened to it." />
      <Placeholder>This area is being built.</Placeholder>
    </>
  );
}
