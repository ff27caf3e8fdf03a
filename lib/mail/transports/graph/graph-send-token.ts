import 'server-only';
import { getAccessToken } from '@/lib/entra/get-access-token';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { tokenProblem } from '../token-problem';

export type GraphSendToken =
  | { ok: true; accessToken: string; graphBaseUrl: string; application: boolean; account: string }
  | { ok: false; outcome: DeliveryOutcome };

/**
 * The connection's Graph token, with what sending needs to know of the connection (its cloud's Graph endpoint, its
 * authentication type and signed-in account), as the token service hands it out.
 */
export async function graphSendToken(connectionId: string): Promise<GraphSendToken> {
  const token = await getAccessToken(connectionId, { api: 'graph' });
  if (!token.ok) return { ok: false, outcome: tokenProblem(token) };
  const { connection } = token;
  return {
    ok: true,
    accessToken: token.accessToken,
    graphBaseUrl: connection.endpoints.graphBaseUrl,
    application: connection.authType === 'application',
    account: connection.account ?? '',
  };
}
