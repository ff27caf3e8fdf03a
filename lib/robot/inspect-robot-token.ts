import 'server-only';
import { describeTokenFacts } from '@/lib/entra/describe-token-facts';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { inspectAccessToken, type TokenFinding } from '@/lib/entra/inspect-access-token';

export interface RobotTokenReport {
  facts: string[];
  findings: TokenFinding[];
}

/**
 * The robot's Graph token (the token service's recent one) against what reading and filing mail needs: Mail.ReadWrite
 * or Mail.ReadWrite.Shared delegated, Mail.ReadWrite as an application (or through RBAC for Applications). Null when
 * no token comes: the Test's own answer says why.
 */
export async function inspectRobotToken(
  connectionId: string,
  mailboxAddress: string,
): Promise<RobotTokenReport | null> {
  const token = await getAccessToken(connectionId, { api: 'graph' });
  if (!token.ok) return null;
  const inspection = inspectAccessToken({
    accessToken: token.accessToken,
    path: 'robot',
    authType: token.connection.authType,
    endpoints: token.connection.endpoints,
    mailbox: mailboxAddress || token.connection.account,
  });
  return { facts: describeTokenFacts(inspection.facts), findings: inspection.findings };
}
