import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getRedirectUri } from '@/lib/connections/get-redirect-uri';
import { getServiceOptions } from '@/lib/services/get-service-options';
import { getTenantOptions } from '@/lib/tenants/get-tenant-options';
import { ConnectionForm } from '../_components/connection-form';

export const metadata = { title: 'Add Service Connection' };

export default async function NewConnectionPage() {
  await requireAdmin();
  const [services, tenants, redirectUri] = await Promise.all([
    getServiceOptions(),
    getTenantOptions(),
    getRedirectUri(),
  ]);
  return (
    <>
      <PageHeader
        title="Add Service Connection"
        description="Choose the service and the tenant (app registration), then Setup Authentication signs the mailbox in right here (the connection is saved first). Save & Close keeps it for later."
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <ConnectionForm services={services} tenants={tenants} redirectUri={redirectUri} />
      </div>
    </>
  );
}
