import { PageHeader } from '@/components/ui/page-header';
import { Placeholder } from '@/components/ui/placeholder';
import { requireAdmin } from '@/lib/auth/current-admin';

export const metadata = { title: 'Emails' };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Emails" description="How Switchboard sends email: SMTP with OAuth, Microsoft Graph, or a plain SMTP server." />
      <Placeholder>This area is being built.</Placeholder>
    </>
  );
}
