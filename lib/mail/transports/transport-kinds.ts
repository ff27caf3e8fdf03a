import { GRAPH, OUTLOOK } from '@/lib/connections/connection-fit';
import { type EmailTransport, type PublicTransportOf, type TransportKind, type TransportOf } from './email-transport';
import { checkGraph, graphFromFields, graphToFields } from './graph/graph-transport';
import { checkSmtp, describeSmtp, redactSmtp, smtpFromFields, smtpToFields } from './smtp/smtp-transport';
import type { FieldIssue, TransportFields } from './transport-fields';

// What every part of Switchboard knows about a transport kind, in one table typed over the kinds: a kind added to
// EmailTransport and missing here is a compile error. Universal: the Emails form uses it in the browser.

/** A form field of a transport: its flat fields, and the confirmation a Custom cloud's SMTP token asks for. */
export type FormField = keyof TransportFields | 'confirmSmtpHost';

export interface ConnectionUse {
  connectionId: string;
  mailboxAddress: string;
  /** What the connection must be fit for (lib/connections/connection-fit). */
  job: 'smtp-send' | 'graph-send';
  /** The resource its token is asked for. */
  resource: string;
  /** The SMTP server (host:port) its token is sent to; null for Microsoft's own endpoint. */
  tokenServer: string | null;
}

export interface TransportDefinition<K extends TransportKind> {
  /** The choice in "SMTP Server Connection Type". */
  label: string;
  /** The one normaliser, for Done and Send test email alike: the form's flat fields as this kind's settings. */
  fromFields(fields: TransportFields): TransportOf<K>;
  /** Back to the form, for the page. */
  toFields(transport: PublicTransportOf<K>): Partial<TransportFields>;
  /** The public shape: the secret fields omitted. */
  redact(transport: TransportOf<K>): PublicTransportOf<K>;
  /** The form fields shown for these choices (an error on another field is listed apart rather than lost). */
  shownFields(typed: TransportFields): readonly FormField[];
  /**
   * The form's rules; `complete` demands every field (when Enabled, or for a test). `typed` is the form as typed, for
   * what normalising hides (a sub-option the normaliser drops, which the administrator should still hear about).
   */
  check(transport: TransportOf<K>, issue: FieldIssue, complete: boolean, typed: TransportFields): void;
  /** Its secret as typed: null when this kind (or its authentication) stores none, '' to keep the stored one. */
  secret(transport: TransportOf<K>): string | null;
  /** The same settings with the secret filled in (the stored one, for a blank field). */
  withSecret(transport: TransportOf<K>, secret: string): TransportOf<K>;
  /** How it uses a Service Connection, if it does (the connection cannot be deleted meanwhile). */
  connectionUse(transport: PublicTransportOf<K>): ConnectionUse | null;
  /** How a test email says it went. */
  describe(transport: PublicTransportOf<K>): string;
  /** Where messages go, for the audit log: host:port, or the service. */
  destination(transport: PublicTransportOf<K>): string;
  /** The server (host:port) the administrator chose, to which credentials are sent; null when Microsoft's own. */
  server(transport: PublicTransportOf<K>): string | null;
  /** The name under which the Emails settings use a connection (shown when it cannot be deleted). */
  usage: string;
}

export const TRANSPORT_KINDS: { [K in TransportKind]: TransportDefinition<K> } = {
  smtp: {
    label: 'SMTP',
    fromFields: smtpFromFields,
    toFields: smtpToFields,
    redact: redactSmtp,
    secret: (t) => (t.auth.kind === 'basic' ? t.auth.password : null),
    withSecret: (t, password) => (t.auth.kind === 'basic' ? { ...t, auth: { ...t.auth, password } } : t),
    check: checkSmtp,
    shownFields: (typed) => [
      'smtpServer',
      'useSsl',
      'smtpAuth',
      ...(typed.useSsl ? (['implicitTls'] as const) : []),
      ...(typed.smtpAuth === 'basic' ? (['username', 'password'] as const) : []),
      ...(typed.smtpAuth === 'oauth' ? (['mailboxAddress', 'connectionId', 'confirmSmtpHost'] as const) : []),
    ],
    connectionUse: (t) => (t.auth.kind === 'oauth' ? { connectionId: t.auth.connectionId, mailboxAddress: t.auth.mailboxAddress, job: 'smtp-send', resource: OUTLOOK, tokenServer: t.smtpServer } : null),
    describe: describeSmtp,
    destination: (t) => t.smtpServer,
    server: (t) => t.smtpServer,
    usage: 'Outbound mail through SMTP (OAuth 2.0)',
  },
  graph: {
    label: 'Microsoft Graph',
    fromFields: graphFromFields,
    toFields: graphToFields,
    redact: (t) => t,
    secret: () => null,
    withSecret: (t) => t,
    check: checkGraph,
    shownFields: () => ['mailboxAddress', 'connectionId'],
    connectionUse: (t) => ({ connectionId: t.connectionId, mailboxAddress: t.mailboxAddress, job: 'graph-send', resource: GRAPH, tokenServer: null }),
    describe: () => 'Microsoft Graph',
    destination: () => 'Microsoft Graph',
    server: () => null,
    usage: 'Outbound mail through Microsoft Graph',
  },
};

export const TRANSPORT_KIND_LIST = Object.keys(TRANSPORT_KINDS) as TransportKind[];

/** A stored or submitted kind; anything unknown reads as SMTP, as it always has. */
export function transportKindOf(value: string | null | undefined): TransportKind {
  return TRANSPORT_KIND_LIST.find((k) => k === value) ?? 'smtp';
}

/**
 * The definition of one transport's kind. The table is keyed by kind, so the definition found for `transport.kind`
 * is the one for that transport's type; TypeScript cannot follow that correlation through a union by itself.
 */
export function transportDefinition<T extends EmailTransport>(transport: Pick<T, 'kind'>): TransportDefinition<T['kind']> {
  return TRANSPORT_KINDS[transport.kind] as TransportDefinition<T['kind']>;
}
