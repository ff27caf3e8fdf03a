import 'server-only';
import { connectionFit, hasPermission } from '@/lib/connections/connection-fit';
import { getConnectionFacts } from '@/lib/connections/get-connection-facts';
import { db } from '@/lib/db/prisma';
import { GLOBAL_RESOURCES } from '@/lib/entra/clouds';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { checkTokenHost } from './check-token-host';
import { EMAIL_SETTINGS_ID } from './delivery-settings';
import type { ConnectionUse } from '@/lib/mail/transports/transport-definition';
import { parseSmtpServer } from './parse-smtp-server';

export const SHARED_SEND_CAPABILITY = 'Send as other mailboxes (Mail.Send.Shared)';

type Field = 'connectionId' | 'mailboxAddress' | 'smtpServer' | 'confirmSmtpHost';
export type ConnectionRuleResult =
  { ok: true; destinationHost: string | null } | { ok: false; field: Field; message: string };

/**
 * The rules of the Emails form that need the database, for Done and for Send test email alike: the connection must
 * fit the way of sending (lib/connections/connection-fit), a delegated Graph connection sends as another mailbox only
 * with Mail.Send.Shared, an application connection proves itself by getting a token now, and an OAuth token goes only
 * to its cloud's SMTP hosts (Custom cloud: the saved host, or a changed host the administrator confirmed).
 */
export async function checkSettingsConnection(
  use: ConnectionUse | null,
  confirmSmtpHost: string,
): Promise<ConnectionRuleResult> {
  if (!use) return { ok: true, destinationHost: null };
  const fail = (message: string, field: Field = 'connectionId') => ({ ok: false as const, field, message });
  const [connection] = await getConnectionFacts([use.connectionId]);
  if (!connection) return fail('This connection no longer exists: choose another one.');
  const graph = use.job === 'graph-send';
  const fit = connectionFit(use.job, connection.facts);
  if (!fit.usable) return fail(`“${connection.name}” ${fit.reason}.`);
  const application = connection.facts.authType === 'application';
  if (application && graph && !use.mailboxAddress)
    return fail(
      'An application connection sends as /users/{mailbox}/sendMail: enter the Mailbox Email Address.',
      'mailboxAddress',
    );
  const account = connection.accountUsername?.toLowerCase() ?? '';
  if (
    !application &&
    graph &&
    use.mailboxAddress &&
    use.mailboxAddress !== account &&
    !hasPermission(connection.facts.grantedScopes, GLOBAL_RESOURCES.graph, ['Mail.Send.Shared'])
  ) {
    return fail(
      `Sending as ${use.mailboxAddress} rather than the signed-in ${account || 'account'} needs Mail.Send.Shared: on “${connection.name}” turn on the optional capability “${SHARED_SEND_CAPABILITY}”, then run Setup Authentication again.`,
      'mailboxAddress',
    );
  }
  let destinationHost: string | null = null;
  if (use.tokenServer !== null) {
    const server = parseSmtpServer(use.tokenServer);
    if (!server.ok) return fail(server.message, 'smtpServer');
    const saved = await db().emailSettings.findUnique({
      where: { id: EMAIL_SETTINGS_ID },
      select: { smtpServer: true },
    });
    const savedServer = parseSmtpServer(saved?.smtpServer ?? '');
    const rule = checkTokenHost({
      cloud: connection.cloud,
      connectionName: connection.name,
      host: server.host,
      savedHost: savedServer.ok ? savedServer.host : '',
      confirmedHost: confirmSmtpHost,
    });
    if (!rule.ok) return fail(rule.message, rule.field);
    destinationHost = server.host;
  }
  if (application) {
    const token = await getAccessToken(use.connectionId, { api: use.api });
    if (!token.ok) return fail(`“${connection.name}” could not get a token: ${token.message}`);
  }
  return { ok: true, destinationHost };
}
