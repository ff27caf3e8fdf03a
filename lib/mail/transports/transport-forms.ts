import type { TransportKind } from './email-transport';
import { graphForm } from './graph/graph-form';
import { smtpForm } from './smtp/smtp-form';
import type { TransportForm } from './transport-definition';

// What the Emails form shows of every transport kind, without the kinds' schemas (transport-kinds.ts has the whole
// definitions): the form loads zod only when it is submitted. A kind added to EmailTransport and missing here is a
// compile error. Universal.

export const TRANSPORT_FORMS: { [K in TransportKind]: TransportForm } = {
  smtp: smtpForm,
  graph: graphForm,
};

/** In the order the form offers them. */
export const TRANSPORT_KIND_LIST = Object.keys(TRANSPORT_FORMS) as TransportKind[];

/** A stored or submitted kind; anything unknown reads as SMTP, as it always has. */
export function transportKindOf(value: string | null | undefined): TransportKind {
  return TRANSPORT_KIND_LIST.find((k) => k === value) ?? 'smtp';
}
