import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteButton } from '@/components/ui/delete-button';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getRelayClients } from '@/lib/mail/relay/get-relay-clients';
import { getRelayFallbackChoices } from '@/lib/mail/relay/get-relay-fallback-choices';
import { getRelayRouteChoices } from '@/lib/mail/relay/get-relay-route-choices';
import { deleteRelayClientAction, updateRelayClientAction } from '../actions';
import { RelayClientForm } from '../_components/relay-client-form';
import { ResetPasswordButton } from '../_components/reset-password-button';

export const metadata = { title: 'Relay client' };
export const dynamic = 'force-dynamic';

export default async function RelayClientPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const client = (await getRelayClients()).find((c) => c.id === id);
  if (!client) notFound();
  const values = {
    name: client.name,
    authMode: client.authMode,
    username: client.username ?? '',
    networks: client.networks.join('\n'),
    allowedSenders: client.allowedSenders.join('\n'),
    maxMessageMb: String(Math.round(client.maxMessageBytes / (1024 * 1024))),
    ratePerMinute: String(client.ratePerMinute),
    enabled: client.enabled ? 'on' : '',
    graphFallbackConnectionId: client.graphFallbackConnectionId ?? '',
    connectionId: client.connectionId ?? '',
    mailboxAddress: client.mailboxAddress ?? '',
  };
  const [fallbackOptions, routeOptions] = await Promise.all([getRelayFallbackChoices(), getRelayRouteChoices()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="underline" href="/settings/smtp-relay">
          SMTP relay
        </Link>
      </p>
      <PageHeader
        title={client.name}
        description={`${client.acceptedToday} accepted, ${client.refusedToday} refused, ${client.failedToday} failed today; last seen ${formatDateTime(client.lastSeenAt)}${client.lastAddress ? ` from ${client.lastAddress}` : ''}.`}
      />
      {client.lockedUntil ? (
        <p role="alert" className="mb-4">
          <StatusBadge tone="danger">Locked out until {formatDateTime(client.lockedUntil)}</StatusBadge> after five
          wrong passwords. A new password ends the lock-out.
        </p>
      ) : null}
      <section aria-labelledby="edit-client" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="edit-client" className="mb-4 text-lg font-semibold">
          Settings
        </h2>
        <RelayClientForm
          action={updateRelayClientAction}
          client={{ id: client.id, values }}
          submitLabel="Save"
          fallbackOptions={fallbackOptions}
          routeOptions={routeOptions}
        />
      </section>
      {client.authMode === 'password' ? (
        <section aria-labelledby="client-password" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="client-password" className="mb-4 text-lg font-semibold">
            Password
          </h2>
          <ResetPasswordButton id={client.id} />
        </section>
      ) : null}
      <DeleteButton
        action={deleteRelayClientAction}
        id={client.id}
        label="Delete relay client"
        question={`Delete the relay client “${client.name}”? Its next message is refused.`}
      />
    </>
  );
}
