import 'server-only';
import { hasPermission } from '@/lib/connections/connection-fit';
import { type ConnectionWithFacts, getConnectionFacts } from '@/lib/connections/get-connection-facts';
import { CLOUDS, GLOBAL_RESOURCES, smtpTokenHostsFor } from '@/lib/entra/clouds';
import { parseSmtpServer } from '@/lib/mail/settings/parse-smtp-server';
import type { EmailTransport } from '@/lib/mail/transports/email-transport';

// A relay client's route of its own: the Emails settings' transport with the client's connection and mailbox in place
// of theirs. A connection that sends through Microsoft Graph sends the client's MIME as it is (Graph's MIME send); one
// that signs in to Exchange's SMTP sends with XOAUTH2 to its cloud's SMTP host (the saved SMTP server when it is one
// of that cloud's hosts; a Custom cloud knows none, so only the saved server of SMTP with OAuth will do).

export type RelayClientTransport =
  | { ok: true; transport: EmailTransport; connection: ConnectionWithFacts }
  | { ok: false; field: 'connectionId' | 'mailboxAddress'; message: string };

/** How a connection sends mail, by what its service asks for: through Graph, over Exchange's SMTP, or not at all. */
export function sendRouteOf(connection: ConnectionWithFacts): 'graph' | 'smtp' | null {
  const { requestedScopes, authType } = connection.facts;
  const asksGraph =
    authType === 'application'
      ? hasPermission(requestedScopes, GLOBAL_RESOURCES.graph, ['.default', 'Mail.Send'])
      : hasPermission(requestedScopes, GLOBAL_RESOURCES.graph, ['Mail.Send', 'Mail.Send.Shared']);
  if (asksGraph) return 'graph';
  const asksSmtp = hasPermission(requestedScopes, GLOBAL_RESOURCES.exchange, ['SMTP.Send', '.default']);
  return asksSmtp ? 'smtp' : null;
}

/** The SMTP server a connection of `cloud` signs in to for a relay client, or null when none is known. */
function smtpServerFor(
  cloud: string,
  saved: EmailTransport | null,
): { smtpServer: string; useSsl: boolean; implicitTls: boolean } | null {
  if (saved?.kind === 'smtp') {
    const server = parseSmtpServer(saved.smtpServer);
    const known = smtpTokenHostsFor(cloud);
    const allowed = known ? known.includes(server.ok ? server.host : '') : saved.auth.kind === 'oauth';
    if (server.ok && allowed) return { smtpServer: server.value, useSsl: saved.useSsl, implicitTls: saved.implicitTls };
  }
  const host = CLOUDS.find((c) => c.id === cloud)?.smtpHost;
  return host ? { smtpServer: host, useSsl: true, implicitTls: false } : null;
}

/**
 * The transport a relay client's messages go by when it names `connectionId`, sending as `mailbox` ('' with a
 * delegated connection: its signed-in account), or why it cannot. `saved`: the Emails settings' transport.
 */
export async function relayClientTransport(
  connectionId: string,
  mailbox: string,
  saved: EmailTransport | null,
): Promise<RelayClientTransport> {
  const [connection] = await getConnectionFacts([connectionId]);
  if (!connection)
    return { ok: false, field: 'connectionId', message: 'This connection no longer exists: choose another one.' };
  const route = sendRouteOf(connection);
  if (!route)
    return {
      ok: false,
      field: 'connectionId',
      message: `“${connection.name}” cannot send mail: its service asks neither Microsoft Graph’s Mail.Send nor Exchange’s SMTP.Send.`,
    };
  const application = connection.facts.authType === 'application';
  const address = mailbox.trim().toLowerCase();
  if (application && !address)
    return {
      ok: false,
      field: 'mailboxAddress',
      message: `“${connection.name}” is an application connection: enter the Mailbox Email Address it sends as.`,
    };
  if (route === 'graph')
    return { ok: true, connection, transport: { kind: 'graph', connectionId, mailboxAddress: address } };
  const server = smtpServerFor(connection.cloud, saved);
  if (!server)
    return {
      ok: false,
      field: 'connectionId',
      message: `“${connection.name}” is in a Custom cloud, whose SMTP host is only the one of the Emails settings, and they do not send over SMTP with Modern Authentication (OAuth 2.0).`,
    };
  const signsIn = address || connection.accountUsername?.toLowerCase() || '';
  if (!signsIn)
    return {
      ok: false,
      field: 'mailboxAddress',
      message: `Nobody has signed in to “${connection.name}” yet: enter the Mailbox Email Address or run Setup Authentication.`,
    };
  return {
    ok: true,
    connection,
    transport: { kind: 'smtp', ...server, auth: { kind: 'oauth', mailboxAddress: signsIn, connectionId } },
  };
}
