import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteButton } from '@/components/ui/delete-button';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { authTypeLabel } from '@/lib/services/auth-types';
import { getService } from '@/lib/services/get-service';
import { deleteServiceAction } from '../actions';
import { ScopesForm } from '../_components/scopes-form';
import { ServiceForm } from '../_components/service-form';

export const metadata = { title: 'Service' };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const service = await getService(id);
  if (!service) notFound();
  const delegated = service.authType === 'delegated';
  return (
    <>
      <PageHeader title={service.name} description={service.description || undefined} />
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">Provider</dt>
        <dd>Microsoft Entra ID</dd>
        <dt className="font-medium text-slate-600">Authentication type</dt>
        <dd>{authTypeLabel(service.authType)}</dd>
        <dt className="font-medium text-slate-600">Kind</dt>
        <dd>
          {service.builtInKey
            ? 'Built-in: cannot be deleted; its scopes can be edited and reset to the default.'
            : 'Added by an administrator.'}
        </dd>
        <dt className="font-medium text-slate-600">Connections</dt>
        <dd>
          {service._count.connections === 0
            ? 'None'
            : service.connections.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? ', ' : ''}
                  <Link className="underline" href={`/integration/service-connections/connections/${c.id}`}>
                    {c.name}
                  </Link>
                </span>
              ))}
          {service._count.connections > service.connections.length
            ? ` and ${service._count.connections - service.connections.length} more`
            : ''}
        </dd>
      </dl>
      <h2 className="mb-1 text-xl font-semibold">Capabilities</h2>
      <p className="mb-4 text-sm text-slate-600">
        {delegated
          ? 'openid and profile are always requested as well, so the signed-in account can be shown.'
          : 'Client credentials ask for the application permissions granted to the app registration in Azure, through the resource’s /.default scope.'}{' '}
        Exchange Web Services (EWS) scopes are refused: EWS is retired in Exchange Online; use Microsoft Graph.
      </p>
      <div className="space-y-4">
        {service.capabilities.map((capability) => (
          <ScopesForm key={capability.id} capability={capability} authType={service.authType} />
        ))}
      </div>
      {service.builtInKey ? null : (
        <section
          aria-labelledby="edit-service"
          className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6"
        >
          <h2 id="edit-service" className="text-lg font-semibold">
            Name and description
          </h2>
          <ServiceForm service={{ id: service.id, name: service.name, description: service.description }} />
          <DeleteButton
            action={deleteServiceAction}
            id={service.id}
            label="Delete service"
            question={`Delete the service “${service.name}”?`}
          />
        </section>
      )}
    </>
  );
}
