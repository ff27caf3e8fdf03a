import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteButton } from '@/components/ui/delete-button';
import { formatDate } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getTenant } from '@/lib/tenants/get-tenant';
import { deleteTenantAction } from '../actions';
import { GrantAdminConsent } from '../_components/grant-admin-consent';
import { SecretExpiryBadge } from '../_components/secret-expiry-badge';
import { TenantCertificatePanel } from '../_components/tenant-certificate-panel';
import { TenantForm } from '../_components/tenant-form';
import { TenantRotationSection } from '../_components/tenant-rotation-section';

export const metadata = { title: 'Tenant' };

export default async function TenantPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const tenant = await getTenant(id);
  if (!tenant) notFound();
  return (
    <>
      <PageHeader title={tenant.name} description="Tenant: one app registration in one directory." />
      <div className="mb-4">
        <SecretExpiryBadge tenant={tenant} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <TenantForm
          tenantId={tenant.id}
          initial={{
            name: tenant.name,
            cloud: tenant.cloud,
            authorityHost: tenant.authorityHost ?? '',
            graphBaseUrl: tenant.graphBaseUrl ?? '',
            graphResource: tenant.graphResource ?? '',
            exchangeResource: tenant.exchangeResource ?? '',
            directoryId: tenant.directoryId,
            clientId: tenant.clientId,
            expiresOn: tenant.clientSecretExpiresAt ? formatDate(tenant.clientSecretExpiresAt) : '',
          }}
          storedSecret={
            tenant.clientSecretSetAt
              ? { setOn: formatDate(tenant.clientSecretSetAt), hint: tenant.clientSecretHint }
              : null
          }
        />
      </div>
      <section aria-labelledby="tenant-credential" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="tenant-credential" className="mb-2 text-lg font-semibold">
          Credential: client secret or certificate
        </h2>
        <TenantCertificatePanel
          tenantId={tenant.id}
          credentialType={tenant.credentialType}
          hasSecret={tenant.clientSecretSetAt !== null}
          certificate={
            tenant.certificateThumbprint && tenant.certificateExpiresAt
              ? {
                  thumbprintSha256: tenant.certificateThumbprint,
                  expiresOn: formatDate(tenant.certificateExpiresAt),
                  setOn: tenant.certificateSetAt ? formatDate(tenant.certificateSetAt) : null,
                }
              : null
          }
        />
      </section>
      <TenantRotationSection tenantId={tenant.id} />
      <section aria-labelledby="tenant-admin-consent" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="tenant-admin-consent" className="mb-2 text-lg font-semibold">
          Admin consent
        </h2>
        <GrantAdminConsent
          tenantId={tenant.id}
          grantedOn={tenant.adminConsentGrantedAt ? formatDate(tenant.adminConsentGrantedAt) : null}
        />
      </section>
      <section aria-labelledby="tenant-connections" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="tenant-connections" className="mb-2 text-lg font-semibold">
          Connections using this tenant
        </h2>
        {tenant.connections.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <ul className="list-inside list-disc text-sm">
            {tenant.connections.map((c) => (
              <li key={c.id}>
                <Link className="underline" href={`/integration/service-connections/connections/${c.id}`}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4">
          <DeleteButton
            action={deleteTenantAction}
            id={tenant.id}
            label="Delete tenant"
            question={`Delete the tenant “${tenant.name}”? Its client secret is erased.`}
          />
        </div>
      </section>
    </>
  );
}
