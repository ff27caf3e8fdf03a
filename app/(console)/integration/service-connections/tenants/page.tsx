import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { formatDate } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { cloudLabel } from '@/lib/entra/clouds';
import { getTenants } from '@/lib/tenants/get-tenants';
import { needsRenewal, tenantCredentialExpiry } from '@/lib/tenants/secret-expiry';
import { storedSecretText } from '@/lib/tenants/stored-secret-text';
import { SecretExpiryBadge } from './_components/secret-expiry-badge';

export const metadata = { title: 'Tenants' };

const BASE = '/integration/service-connections/tenants';

export default async function TenantsPage() {
  await requireAdmin();
  const tenants = await getTenants();
  const expiring = tenants.filter((t) => needsRenewal(tenantCredentialExpiry(t)));
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Entra ID app registrations: the directory, the application and its client secret."
        actions={
          <Link
            href={`${BASE}/new`}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add Tenant
          </Link>
        }
      />
      {expiring.length > 0 ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {expiring.length === 1 ? 'One tenant’s credential expires' : `${expiring.length} tenants’ credentials expire`}{' '}
          within 60 days or {expiring.length === 1 ? 'has' : 'have'} expired. Add a new client secret or certificate in
          Azure and enter it on the tenant while the old one still works.
        </p>
      ) : null}
      {tenants.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-sm text-slate-600">
          No tenants yet. Add the app registration you created in the Azure portal (or create one in place from Add
          Service Connection).
        </p>
      ) : (
        <DataTable columns={['Name', 'Cloud', 'Tenant ID', 'Client ID', 'Client Secret', 'Connections']}>
          {tenants.map((tenant) => (
            <tr key={tenant.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <Link className="font-medium text-brand-700 underline" href={`${BASE}/${tenant.id}`}>
                  {tenant.name}
                </Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2">{cloudLabel(tenant.cloud)}</td>
              <td className="px-3 py-2 font-mono text-xs">{tenant.directoryId}</td>
              <td className="px-3 py-2 font-mono text-xs">{tenant.clientId}</td>
              <td className="px-3 py-2">
                {tenant.credentialType === 'certificate' ? (
                  <div className="flex flex-col items-start gap-1" data-testid="tenant-certificate">
                    <span>
                      {tenant.certificateThumbprint
                        ? `Certificate ${tenant.certificateThumbprint.slice(0, 8)}…`
                        : 'Certificate not set yet'}
                    </span>
                    {tenant.certificateExpiresAt ? (
                      <span className="text-xs text-slate-500">expires {formatDate(tenant.certificateExpiresAt)}</span>
                    ) : null}
                    <SecretExpiryBadge tenant={tenant} />
                  </div>
                ) : (
                  <div className="flex flex-col items-start gap-1">
                    <span>
                      {tenant.clientSecretSetAt
                        ? storedSecretText({
                            setOn: formatDate(tenant.clientSecretSetAt),
                            hint: tenant.clientSecretHint,
                          })
                        : 'not set'}
                    </span>
                    {tenant.clientSecretExpiresAt ? (
                      <span className="text-xs text-slate-500">expires {formatDate(tenant.clientSecretExpiresAt)}</span>
                    ) : null}
                    <SecretExpiryBadge tenant={tenant} />
                  </div>
                )}
              </td>
              <td className="px-3 py-2">{tenant.connectionCount}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
