import 'server-only';
import { getConnectionChoices } from '@/lib/mail/settings/get-connection-choices';

export interface RelayFallbackChoice {
  value: string;
  label: string;
  disabled: boolean;
}

/** The connections a relay client may name as its Graph fall-back (those that cannot send through Graph, disabled). */
export async function getRelayFallbackChoices(): Promise<RelayFallbackChoice[]> {
  return (await getConnectionChoices()).map((c) => ({
    value: c.id,
    label: c.graph.usable ? c.name : `${c.name} — ${c.graph.reason}`,
    disabled: !c.graph.usable,
  }));
}
