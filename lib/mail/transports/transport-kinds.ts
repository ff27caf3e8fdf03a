import type { EmailTransport, TransportKind } from './email-transport';
import { graphTransport } from './graph/graph-transport';
import { smtpTransport } from './smtp/smtp-transport';
import type { TransportDefinition } from './transport-definition';

// Every transport kind's universal module, in one table typed over the kinds: a kind added to EmailTransport and
// missing here is a compile error. Universal; the Emails form uses transport-forms.ts (no schemas) in the browser.

export const TRANSPORT_KINDS: { [K in TransportKind]: TransportDefinition<K> } = {
  smtp: smtpTransport,
  graph: graphTransport,
};

/**
 * The definition of one transport's kind. The table is keyed by kind, so the definition found for `transport.kind`
 * is the one for that transport's type; TypeScript cannot follow that correlation through a union by itself.
 */
export function transportDefinition<T extends EmailTransport>(
  transport: Pick<T, 'kind'>,
): TransportDefinition<T['kind']> {
  return TRANSPORT_KINDS[transport.kind] as TransportDefinition<T['kind']>;
}
