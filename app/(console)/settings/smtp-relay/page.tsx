import { DataTable } from '@/components/ui/data-table';
import { DeleteButton } from '@/components/ui/delete-button';
import { formatDateTime } from '@/components/ui/format-date';
import { formatSize } from '@/components/ui/format-size';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireAdmin } from '@/lib/auth/current-admin';
import { env } from '@/lib/env';
import { getRelayClients } from '@/lib/mail/relay/get-relay-clients';
import { getRelayFallbackChoices } from '@/lib/mail/relay/get-relay-fallback-choices';
import { getRelayRouteChoices } from '@/lib/mail/relay/get-relay-route-choices';
import { getRelayOverview } from '@/lib/mail/relay/get-relay-overview';
import Link from 'next/link';
import { createRelayClientAction, deleteRelayClientAction } from './actions';
import { RelayClientForm } from './_components/relay-client-form';
import { RelayCertificateForm } from './_components/relay-certificate-form';
import { RelaySwitch } from './_components/relay-switch';

export const metadata = { title: 'SMTP relay' };
export const dynamic = 'force-dynamic';

export default async function SmtpRelayPage() {
  await requireAdmin();
  const [overview, clients, fallbackOptions, routeOptions] = await Promise.all([
    getRelayOverview(),
    getRelayClients(),
    getRelayFallbackChoices(),
    getRelayRouteChoices(),
  ]);
  const config = env();
  return (
    <>
      <PageHeader
        title="SMTP relay"
        description="Printers, scanners and programs that speak SMTP hand their mail to Switchboard, which keeps it in the Outbox and delivers it with the Emails settings (OAuth over SMTP, or Microsoft Graph) or the client’s own connection. Only the clients listed here may send: never an open relay."
      />
      <section aria-labelledby="relay-state" className="mb-6 space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="relay-state" className="text-lg font-semibold">
          Relaying {overview.enabled ? <StatusBadge tone="success">On</StatusBadge> : <StatusBadge>Off</StatusBadge>}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">STARTTLS</dt>
          <dd className="font-mono">
            {config.SWITCHBOARD_RELAY_HOST}:{config.SWITCHBOARD_RELAY_PORT}
          </dd>
          <dt className="text-slate-500">Implicit TLS</dt>
          <dd className="font-mono">
            {config.SWITCHBOARD_RELAY_TLS_PORT
              ? `${config.SWITCHBOARD_RELAY_HOST}:${config.SWITCHBOARD_RELAY_TLS_PORT}`
              : 'not configured (SWITCHBOARD_RELAY_TLS_PORT)'}
          </dd>
          <dt className="text-slate-500">Certificate</dt>
          <dd>
            {overview.certificate ? (
              <>
                {overview.certificate.generated ? 'Generated' : 'Uploaded'}: {overview.certificate.subject}, expires{' '}
                {formatDateTime(overview.certificate.expiresAt)}
                <span className="block font-mono text-xs break-all text-slate-500">
                  SHA-256 {overview.certificate.thumbprintSha256}
                </span>
              </>
            ) : (
              'Generated when relaying is first turned on.'
            )}
          </dd>
        </dl>
        <RelaySwitch enabled={overview.enabled} />
        <details className="text-sm">
          <summary className="cursor-pointer">Upload a certificate</summary>
          <div className="mt-3">
            <RelayCertificateForm />
          </div>
        </details>
      </section>
      <section aria-labelledby="new-client" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="new-client" className="mb-4 text-lg font-semibold">
          Add relay client
        </h2>
        <RelayClientForm
          action={createRelayClientAction}
          submitLabel="Add relay client"
          fallbackOptions={fallbackOptions}
          routeOptions={routeOptions}
        />
      </section>
      <DataTable
        columns={[
          'Name',
          'Authentication',
          'Allowed senders',
          'Limits',
          'Today',
          'Last seen',
          'Status',
          { label: 'Actions', hidden: true },
        ]}
      >
        {clients.length === 0 ? (
          <tr>
            <td colSpan={8} className="px-3 py-6 text-center text-slate-500">
              No relay clients yet.
            </td>
          </tr>
        ) : null}
        {clients.map((client) => (
          <tr key={client.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              <Link className="underline" href={`/settings/smtp-relay/${client.id}`}>
                {client.name}
              </Link>
            </td>
            <td className="px-3 py-2">
              {client.authMode === 'password' ? (
                <>
                  Username <span className="font-mono">{client.username}</span>
                </>
              ) : (
                <>No authentication from {client.networks.join(', ')}</>
              )}
            </td>
            <td className="px-3 py-2">{client.allowedSenders.join(', ')}</td>
            <td className="px-3 py-2">
              {formatSize(client.maxMessageBytes)}, {client.ratePerMinute}/min
            </td>
            <td className="px-3 py-2">
              {client.acceptedToday} accepted, {client.refusedToday} refused, {client.failedToday} failed
            </td>
            <td className="px-3 py-2">
              {formatDateTime(client.lastSeenAt)}
              {client.lastAddress ? (
                <span className="block text-xs text-slate-500">from {client.lastAddress}</span>
              ) : null}
              {client.lastError ? <span className="block text-xs text-red-800">{client.lastError}</span> : null}
            </td>
            <td className="px-3 py-2">
              {client.lockedUntil ? (
                <StatusBadge tone="danger">Locked out until {formatDateTime(client.lockedUntil)}</StatusBadge>
              ) : client.enabled ? (
                <StatusBadge tone="success">Enabled</StatusBadge>
              ) : (
                <StatusBadge>Disabled</StatusBadge>
              )}
            </td>
            <td className="px-3 py-2">
              <DeleteButton
                action={deleteRelayClientAction}
                id={client.id}
                label="Delete"
                question={`Delete the relay client “${client.name}”? Its next message is refused.`}
              />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
