import 'server-only';
import { describeTokenFacts } from '@/lib/entra/describe-token-facts';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { inspectAccessToken, type TokenFinding } from '@/lib/entra/inspect-access-token';
import type { DeliveryContext } from '@/lib/mail/delivery/explain-app-only-smtp-refusal';
import type { ConnectionUse } from '@/lib/mail/transports/transport-definition';

export interface SendTokenReport {
  /** Who the token signs in as: what explains Exchange's generic refusals. */
  context: DeliveryContext;
  facts: string[];
  findings: TokenFinding[];
}

/**
 * The sending connection's token (the token service's recent one) against what its way of sending needs: SMTP.Send
 * or SMTP.SendAsApp for an Exchange audience, Mail.Send for Graph, and who it signs in as. Null when no token comes
 * (the attempt's answer says why).
 */
export async function inspectSendToken(use: ConnectionUse): Promise<SendTokenReport | null> {
  const token = await getAccessToken(use.connectionId, { api: use.api });
  if (!token.ok) return null;
  const inspection = inspectAccessToken({
    accessToken: token.accessToken,
    path: use.job,
    authType: token.connection.authType,
    endpoints: token.connection.endpoints,
    mailbox: use.mailboxAddress || token.connection.account,
  });
  const { facts } = inspection;
  return {
    context: {
      authType: token.connection.authType,
      appId: facts.appId,
      servicePrincipalId: token.connection.authType === 'application' ? facts.objectId : null,
      mailbox: use.mailboxAddress || token.connection.account,
    },
    facts: describeTokenFacts(facts),
    findings: inspection.findings,
  };
}
