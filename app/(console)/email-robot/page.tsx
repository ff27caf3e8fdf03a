import { PageHeader } from '@/components/ui/page-header';
import { Placeholder } from '@/components/ui/placeholder';
import { requireAdmin } from '@/lib/auth/current-admin';

export const metadata = { title: 'E-mail Robot' };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="E-mail Robot" description="Mailboxes that Switchboard watches over Microsoft Graph, and where each new message goes." />
      <Placeholder>This area is being built.</Placeholder>
    </>
  );
}
