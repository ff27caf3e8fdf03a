import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { ServiceForm } from '../_components/service-form';

export const metadata = { title: 'Add Service' };

export default async function NewServicePage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Add Service"
        description="Another Microsoft Entra ID protected API, with the scopes to ask for."
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <ServiceForm />
      </div>
    </>
  );
}
