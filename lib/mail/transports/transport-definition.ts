import type { PublicTransportOf, TransportKind, TransportOf } from './email-transport';
import type { FieldIssue, TransportFields } from './transport-fields';

// What every part of Switchboard knows about one transport kind: each kind's universal module exports one of these,
// and transport-kinds.ts lists them in a table typed over the kinds (transport-forms.ts the form's part of them).
// Universal.

/** A form field of a transport: its flat fields, and the confirmation a Custom cloud's SMTP token asks for. */
export type FormField = keyof TransportFields | 'confirmSmtpHost';

export interface ConnectionUse {
  connectionId: string;
  mailboxAddress: string;
  /** What the connection must be fit for (lib/connections/connection-fit). */
  job: 'smtp-send' | 'graph-send';
  /** Which Microsoft API its token is for; the token service picks that API's resource in the tenant's cloud. */
  api: 'graph' | 'exchange';
  /** The SMTP server (host:port) its token is sent to; null for Microsoft's own endpoint. */
  tokenServer: string | null;
}

/** What the Emails form shows of a kind, without its schema: each kind's <kind>-form.ts (zod-free). */
export interface TransportForm {
  /** The choice in "SMTP Server Connection Type". */
  label: string;
  /** The form fields shown for these choices (an error on another field is listed apart rather than lost). */
  shownFields(typed: TransportFields): readonly FormField[];
}

export interface TransportDefinition<K extends TransportKind> extends TransportForm {
  /** The one normaliser, for Done and Send test email alike: the form's flat fields as this kind's settings. */
  fromFields(fields: TransportFields): TransportOf<K>;
  /** Back to the form, for the page. */
  toFields(transport: PublicTransportOf<K>): Partial<TransportFields>;
  /** The public shape: the secret fields omitted. */
  redact(transport: TransportOf<K>): PublicTransportOf<K>;
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
