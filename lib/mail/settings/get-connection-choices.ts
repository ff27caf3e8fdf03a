import 'server-only';
import { connectionFit, type ConnectionFit } from '@/lib/connections/connection-fit';
import { getConnectionFacts } from '@/lib/connections/get-connection-facts';
import { smtpTokenHostsFor } from '@/lib/entra/clouds';

export interface ConnectionChoice {
  id: string;
  name: string;
  state: string;
  accountUsername: string | null;
  authType: 'delegated' | 'application';
  /** Whether (and why not) it can send over SMTP with OAuth, and through Microsoft Graph. */
  smtp: ConnectionFit;
  graph: ConnectionFit;
  /** Where its SMTP tokens may go; null for a Custom cloud (the saved host, or one confirmed). */
  smtpTokenHosts: readonly string[] | null;
  /** It may send as another mailbox through Graph (Mail.Send.Shared granted). */
  sendShared: boolean;
}

/** Every connection, with what it can do for outbound mail, for the Service Connection select. */
export async function getConnectionChoices(): Promise<ConnectionChoice[]> {
  const rows = await getConnectionFacts();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    state: row.facts.state,
    accountUsername: row.accountUsername,
    authType: row.facts.authType,
    smtp: connectionFit('smtp-send', row.facts),
    graph: connectionFit('graph-send', row.facts),
    smtpTokenHosts: smtpTokenHostsFor(row.cloud),
    sendShared: row.facts.grantedScopes.some((s) => /(^|\/)mail\.send\.shared$/i.test(s)),
  }));
}
