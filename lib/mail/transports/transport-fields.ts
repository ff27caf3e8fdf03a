import type { TransportKind } from './email-transport';
import type { SmtpAuthKind } from './smtp/smtp-transport';

// The flat fields of the Emails form that describe a transport. An HTML form is flat, and the form keeps every field
// while the administrator switches back and forth; each kind reads its own fields from it (transportFromFields) and
// writes them back for the page (toFields). Universal.

export interface TransportFields {
  connectionType: TransportKind;
  smtpServer: string;
  useSsl: boolean;
  implicitTls: boolean;
  smtpAuth: SmtpAuthKind;
  username: string;
  /** Blank on the form means "keep the stored one". */
  password: string;
  mailboxAddress: string;
  connectionId: string;
}

/** Adds a form error on one flat field (the browser shows it next to that field). */
export type FieldIssue = (field: keyof TransportFields, message: string) => void;
