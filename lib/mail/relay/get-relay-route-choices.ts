import 'server-only';
import { connectionFit } from '@/lib/connections/connection-fit';
import { getConnectionFacts } from '@/lib/connections/get-connection-facts';
import { sendRouteOf } from './relay-client-transport';

export interface RelayRouteChoice {
  value: string;
  label: string;
  disabled: boolean;
  /** A delegated connection's signed-in account (the mailbox it sends as when none is entered); null otherwise. */
  signedIn: string | null;
}

/**
 * The connections a relay client may send through: each one that can send mail, saying how (Microsoft Graph, or SMTP
 * with OAuth); those that cannot now, disabled with the reason.
 */
export async function getRelayRouteChoices(): Promise<RelayRouteChoice[]> {
  return (await getConnectionFacts()).flatMap((c) => {
    const route = sendRouteOf(c);
    if (!route) return [];
    const fit = connectionFit(route === 'graph' ? 'graph-send' : 'smtp-send', c.facts);
    const how = route === 'graph' ? 'Microsoft Graph' : 'SMTP with OAuth 2.0';
    return [
      {
        value: c.id,
        label: fit.usable ? `${c.name} (${how})` : `${c.name} — ${fit.reason}`,
        disabled: !fit.usable,
        signedIn: c.facts.authType === 'delegated' ? (c.accountUsername?.toLowerCase() ?? null) : null,
      },
    ];
  });
}
