import 'server-only';
import type { EmailTransport, TransportKind } from './email-transport';
import { graphDelivery } from './graph/graph-delivery';
import type { TransportDelivery } from './prepared-delivery';
import { smtpDelivery } from './smtp/smtp-delivery';

// Each transport's server module, in one table typed over the kinds: a kind added to EmailTransport and missing here
// is a compile error. Delivery (the outbox worker and Send test email) dispatches through it.

export const TRANSPORT_DELIVERIES: { [K in TransportKind]: TransportDelivery<K> } = {
  smtp: smtpDelivery,
  graph: graphDelivery,
};

/** The server module for this transport's kind (the table is keyed by kind; see transportDefinition). */
export function transportDelivery<T extends EmailTransport>(transport: Pick<T, 'kind'>): TransportDelivery<T['kind']> {
  return TRANSPORT_DELIVERIES[transport.kind] as TransportDelivery<T['kind']>;
}
