import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { TenantForm } from '../_components/tenant-form';

export const metadata = { title: 'Add Tenant' };

export default async function NewTenantPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Add Tenant"
        description="Copy each value from your app registration in the Azure portal (Microsoft Entra ID → App registrations)."
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <TenantForm initial={{ cloud: 'global' }} />
      </div>
    </>
  );
}
