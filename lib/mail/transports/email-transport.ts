import { z } from 'zod';
import { graphTransportSchema } from './graph/graph-transport';
import { publicSmtpTransportSchema, smtpTransportSchema } from './smtp/smtp-transport';

// How Switchboard sends email: one member per transport kind. To add a transport, add its universal module here and
// in transport-kinds.ts, and its server module in prepare-transport.ts: the compiler points at every place that must
// know it (tests/unit/transport-exhaustiveness.test.ts proves it). Universal.

export const emailTransportSchema = z.discriminatedUnion('kind', [smtpTransportSchema, graphTransportSchema]);
export type EmailTransport = z.infer<typeof emailTransportSchema>;
export type TransportKind = EmailTransport['kind'];
export type TransportOf<K extends TransportKind> = Extract<EmailTransport, { kind: K }>;

/** What the browser may see: each kind with its secret fields omitted. */
export const publicEmailTransportSchema = z.discriminatedUnion('kind', [publicSmtpTransportSchema, graphTransportSchema]);
export type PublicEmailTransport = z.infer<typeof publicEmailTransportSchema>;
export type PublicTransportOf<K extends TransportKind> = Extract<PublicEmailTransport, { kind: K }>;
