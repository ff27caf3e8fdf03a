import 'server-only';
import type { ConnectionContext } from '@/lib/entra/connection-context';
import { getAccessToken } from '@/lib/entra/get-access-token';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { tokenProblem } from '../token-problem';

export type SmtpOAuthToken = { ok: true; accessToken: string } | { ok: false; outcome: DeliveryOutcome };

/** A cloud's token goes only to its own SMTP hosts (a Custom cloud's: checked against the saved host on save). */
function refusedHost(connection: ConnectionContext, host: string): DeliveryOutcome | null {
  const hosts = connection.smtpTokenHosts;
  if (!hosts || hosts.includes(host.toLowerCase())) return null;
  return {
    kind: 'failed',
    code: 'TOKEN_HOST',
    answer: `The token of “${connection.name}” is only sent to ${hosts.join(', ')}, not to ${host}.`,
  };
}

/**
 * The connection's Exchange token for SMTP XOAUTH2, handed on only when `host` is one of its cloud's SMTP hosts.
 * The host rule is said first even when no token came (it is the administrator's fix either way).
 */
export async function smtpOAuthToken(connectionId: string, host: string): Promise<SmtpOAuthToken> {
  const token = await getAccessToken(connectionId, { api: 'exchange' });
  const refused = token.connection ? refusedHost(token.connection, host) : null;
  if (refused) return { ok: false, outcome: refused };
  if (!token.ok) return { ok: false, outcome: tokenProblem(token) };
  return { ok: true, accessToken: token.accessToken };
}
