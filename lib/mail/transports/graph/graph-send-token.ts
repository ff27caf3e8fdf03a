import 'server-only';
import { db } from '@/lib/db/prisma';
import { cloudEndpoints } from '@/lib/entra/clouds';
import { getAccessToken } from '@/lib/entra/get-access-token';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { GRAPH_RESOURCE } from '@/lib/mail/settings/check-settings-connection';
import { CONNECTION_NOT_FOUND, tokenProblem } from '../token-problem';

export type GraphSendToken =
  | { ok: true; accessToken: string; graphBaseUrl: string; application: boolean; account: string }
  | { ok: false; outcome: DeliveryOutcome };

/**
 * The connection's Graph token and what sending needs to know of the connection (its cloud's Graph endpoint, its
 * authentication type and signed-in account). The one place Graph delivery reads the connection.
 */
export async function graphSendToken(connectionId: string): Promise<GraphSendToken> {
  const row = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    select: { name: true, accountUsername: true, service: { select: { authType: true } }, tenant: { select: { cloud: true, authorityHost: true, graphBaseUrl: true } } },
  });
  if (!row) return { ok: false, outcome: CONNECTION_NOT_FOUND };
  const { graphBaseUrl } = cloudEndpoints(row.tenant);
  const token = await getAccessToken(connectionId, { resource: GRAPH_RESOURCE });
  if (!token.ok) return { ok: false, outcome: tokenProblem(token, row.name) };
  return { ok: true, accessToken: token.accessToken, graphBaseUrl, application: row.service.authType === 'application', account: row.accountUsername?.toLowerCase() ?? '' };
}
