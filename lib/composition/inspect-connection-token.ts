import 'server-only';
import { hasPermission } from '@/lib/connections/connection-fit';
import { getConnectionFacts } from '@/lib/connections/get-connection-facts';
import { GLOBAL_RESOURCES } from '@/lib/entra/clouds';
import type { ConnectionContext } from '@/lib/entra/connection-context';
import { describeTokenFacts } from '@/lib/entra/describe-token-facts';
import { inspectAccessToken, type TokenFinding } from '@/lib/entra/inspect-access-token';
import { API_LABELS, type TokenApi, TOKEN_PATHS } from '@/lib/entra/token-paths';
import { type ConnectionTokenPath, connectionTokenPaths } from './connection-token-paths';

export interface InspectedToken {
  /** "Microsoft Graph token", "Exchange Online token". */
  label: string;
  facts: string[];
  findings: TokenFinding[];
}

/**
 * One of a connection's tokens judged by the paths that use it (the Emails settings, the robot's mailboxes), or, when
 * nothing uses it yet, by what its service is for. An application connection's Exchange token is judged only when
 * SMTP uses it: a Graph-only app is not expected to hold SMTP.SendAsApp.
 */
export async function inspectConnectionToken(
  connection: ConnectionContext,
  api: TokenApi,
  accessToken: string,
): Promise<InspectedToken | null> {
  const used = (await connectionTokenPaths(connection.id)).filter((p) => TOKEN_PATHS[p.path].api === api);
  const paths = used.length ? used : await defaultPaths(connection, api);
  if (paths.length === 0) return null;
  let facts: string[] = [];
  const findings: TokenFinding[] = [];
  for (const { path, mailbox } of paths) {
    const inspection = inspectAccessToken({
      accessToken,
      path,
      authType: connection.authType,
      endpoints: connection.endpoints,
      mailbox,
    });
    facts = describeTokenFacts(inspection.facts);
    for (const finding of inspection.findings)
      if (!findings.some((f) => f.message === finding.message)) findings.push(finding);
  }
  return { label: `${API_LABELS[api]} token`, facts, findings };
}

async function defaultPaths(connection: ConnectionContext, api: TokenApi): Promise<ConnectionTokenPath[]> {
  if (api === 'exchange') return connection.authType === 'application' ? [] : [{ path: 'smtp-send', mailbox: null }];
  if (connection.authType === 'application') return [{ path: 'graph-send', mailbox: null }];
  const [row] = await getConnectionFacts([connection.id]);
  const requested = row?.facts.requestedScopes ?? [];
  const sends = hasPermission(requested, GLOBAL_RESOURCES.graph, TOKEN_PATHS['graph-send'].delegated);
  const reads = hasPermission(requested, GLOBAL_RESOURCES.graph, TOKEN_PATHS.robot.delegated);
  return [{ path: !sends && reads ? 'robot' : 'graph-send', mailbox: null }];
}
