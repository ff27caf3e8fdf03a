import { z } from 'zod';
import { graphTransportSchema } from './graph/graph-transport';
import { publicSmtpTransportSchema, smtpTransportSchema } from './smtp/smtp-transport';

// How Switchboard sends email: one member per transport kind. To add a transport, write its universal module
// (<kind>/<kind>-transport.ts: schema, public shape, a TransportDefinition) and its server module
// (<kind>/<kind>-delivery.ts: a TransportDelivery), and add it to both unions here: the compiler then names every table
// that must know it (transport-kinds.ts, transport-forms.ts, transport-deliveries.ts, the Emails form's
// FIELDS_OF_KIND), as transport-exhaustiveness.test.ts proves. Universal.

export const emailTransportSchema = z.discriminatedUnion('kind', [smtpTransportSchema, graphTransportSchema]);
export type EmailTransport = z.infer<typeof emailTransportSchema>;
export type TransportKind = EmailTransport['kind'];
export type TransportOf<K extends TransportKind> = Extract<EmailTransport, { kind: K }>;

/** What the browser may see: each kind with its secret fields omitted. */
export const publicEmailTransportSchema = z.discriminatedUnion('kind', [
  publicSmtpTransportSchema,
  graphTransportSchema,
]);
export type PublicEmailTransport = z.infer<typeof publicEmailTransportSchema>;
export type PublicTransportOf<K extends TransportKind> = Extract<PublicEmailTransport, { kind: K }>;
