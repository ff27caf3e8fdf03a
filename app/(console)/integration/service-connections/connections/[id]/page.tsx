import { notFound } from 'next/navigation';
import { DeleteButton } from '@/components/ui/delete-button';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getConnection } from '@/lib/connections/get-connection';
import { getConnectionAuthStatus } from '@/lib/connections/get-connection-auth-status';
import { getExchangeSetup } from '@/lib/composition/get-exchange-setup';
import { getOpenSignInLinks } from '@/lib/entra/sign-in-links';
import { getRedirectUri } from '@/lib/connections/get-redirect-uri';
import { getServiceOptions } from '@/lib/services/get-service-options';
import { getTenantOptions } from '@/lib/tenants/get-tenant-options';
import { deleteConnectionAction } from '../actions';
import { ConnectionActions } from '../_components/connection-actions';
import { ConnectionForm } from '../_components/connection-form';
import { ConnectionStateBadge } from '../_components/connection-state-badge';
import { ExchangeSetupPanel } from '../_components/exchange-setup-panel';

export const metadata = { title: 'Service Connection' };

export default async function ConnectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const { id } = await params;
  const justSaved = (await searchParams).saved === '1';
  const [connection, services, tenants, redirectUri, authStatus, openLinks, exchangeSetup] = await Promise.all([
    getConnection(id),
    getServiceOptions(),
    getTenantOptions(),
    getRedirectUri(),
    getConnectionAuthStatus(id),
    getOpenSignInLinks(id),
    getExchangeSetup(id),
  ]);
  if (!connection) notFound();
  return (
    <>
      <PageHeader title={connection.name} description={`${connection.service.name} · ${connection.tenant.name}`} />
      {justSaved && connection.state === 'not_authenticated' ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-900">
          Saved. Nobody has signed in to this connection yet: Setup Authentication below signs the mailbox in.
        </p>
      ) : null}
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">State</dt>
        <dd>
          <ConnectionStateBadge
            state={connection.state}
            accountUsername={connection.accountUsername}
            application={
              connection.service.authType === 'application' ? { verifiedAt: connection.lastRefreshAt } : undefined
            }
          />
        </dd>
        <dt className="font-medium text-slate-600">Granted scopes</dt>
        <dd className="font-mono text-xs">{connection.grantedScopes ?? '—'}</dd>
        <dt className="font-medium text-slate-600">Token expires</dt>
        <dd>{formatDateTime(connection.tokenExpiresAt)}</dd>
        <dt className="font-medium text-slate-600">Last refresh</dt>
        <dd>{formatDateTime(connection.lastRefreshAt)}</dd>
        {connection.lastError ? (
          <>
            <dt className="font-medium text-slate-600">Last error</dt>
            <dd className="text-red-800">{connection.lastError}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="connection-actions" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="connection-actions" className="mb-3 text-lg font-semibold">
          Actions
        </h2>
        <ConnectionActions
          connectionId={connection.id}
          delegated={connection.service.authType !== 'application'}
          openLinks={openLinks.length}
        />
      </section>
      {exchangeSetup ? (
        <section aria-labelledby="exchange-setup" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="exchange-setup" className="mb-3 text-lg font-semibold">
            Exchange setup
          </h2>
          <ExchangeSetupPanel
            connectionId={connection.id}
            kinds={exchangeSetup.kinds}
            mailboxes={exchangeSetup.mailboxes}
            appId={exchangeSetup.appId}
            servicePrincipalId={exchangeSetup.servicePrincipalId}
            servicePrincipalIdSetOn={formatDateTime(exchangeSetup.servicePrincipalIdAt)}
            displayName={exchangeSetup.displayName}
            roles={exchangeSetup.roles}
            application={exchangeSetup.application}
          />
        </section>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <p className="mb-4 text-sm text-slate-600">
          Moving the connection to another service or tenant signs it out: tokens belong to one app registration.
        </p>
        <ConnectionForm
          services={services}
          tenants={tenants}
          redirectUri={redirectUri}
          connection={{
            id: connection.id,
            name: connection.name,
            nameCustomized: connection.nameCustomized,
            serviceId: connection.service.id,
            tenantId: connection.tenant.id,
            optionalCapabilities: connection.optionalCapabilities.split(' ').filter(Boolean),
          }}
          authStatus={authStatus}
        />
      </div>
      <section aria-labelledby="delete-connection" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="delete-connection" className="mb-2 text-lg font-semibold">
          Delete
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Refused while the email settings or another feature use this connection.
        </p>
        <DeleteButton
          action={deleteConnectionAction}
          id={connection.id}
          label="Delete connection"
          question={`Delete the connection “${connection.name}”? Its sign-in is dropped.`}
        />
      </section>
    </>
  );
}
