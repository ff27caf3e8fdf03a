import { z } from 'zod';
import { parseSmtpServer } from '@/lib/mail/settings/parse-smtp-server';
import { SMTP_TLS_MODE_LABELS, smtpSecurity } from '@/lib/mail/settings/smtp-security';
import type { TransportDefinition } from '../transport-definition';
import { smtpForm } from './smtp-form';
import type { FieldIssue, TransportFields } from '../transport-fields';

// SMTP: any SMTP server, Exchange Online included. Its authentication is a union of its own (none, basic, oauth)
// nested in the SMTP kind rather than three top-level kinds: the server and Use SSL are the same questions for all
// three, the form asks them in that order, and the attempt's recorded transport is 'smtp' whichever is chosen.
// Universal: the browser validates with it.

const basicAuth = z.object({ kind: z.literal('basic'), username: z.string(), password: z.string() });
/** The secret fields of Basic authentication, listed once: the public shape omits them. */
export const SMTP_BASIC_SECRET_KEYS = { password: true } as const;

export const smtpAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  basicAuth,
  z.object({ kind: z.literal('oauth'), mailboxAddress: z.string(), connectionId: z.string() }),
]);
export type SmtpAuth = z.infer<typeof smtpAuthSchema>;
export type SmtpAuthKind = SmtpAuth['kind'];

const publicSmtpAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  basicAuth.omit(SMTP_BASIC_SECRET_KEYS),
  z.object({ kind: z.literal('oauth'), mailboxAddress: z.string(), connectionId: z.string() }),
]);

const smtpFields = {
  kind: z.literal('smtp'),
  /** host:port as typed and normalised, or '' while a disabled configuration is incomplete. */
  smtpServer: z.string(),
  useSsl: z.boolean(),
  /** Only ever true with useSsl (the normaliser masks it). */
  implicitTls: z.boolean(),
};

export const smtpTransportSchema = z.object({ ...smtpFields, auth: smtpAuthSchema });
export type SmtpTransport = z.infer<typeof smtpTransportSchema>;

export const publicSmtpTransportSchema = z.object({ ...smtpFields, auth: publicSmtpAuthSchema });
export type PublicSmtpTransport = z.infer<typeof publicSmtpTransportSchema>;

function authFromFields(fields: TransportFields): SmtpAuth {
  const kind = fields.smtpAuth;
  switch (kind) {
    case 'none':
      return { kind };
    case 'basic':
      return { kind, username: fields.username, password: fields.password };
    case 'oauth':
      return { kind, mailboxAddress: fields.mailboxAddress, connectionId: fields.connectionId };
  }
}

/** The SMTP transport as typed on the form: only the chosen authentication's fields are kept. */
function smtpFromFields(fields: TransportFields): SmtpTransport {
  const server = parseSmtpServer(fields.smtpServer);
  return {
    kind: 'smtp',
    smtpServer: server.ok ? server.value : fields.smtpServer,
    useSsl: fields.useSsl,
    implicitTls: fields.useSsl && fields.implicitTls,
    auth: authFromFields(fields),
  };
}

function smtpToFields(transport: PublicSmtpTransport): Partial<TransportFields> {
  const { auth } = transport;
  return {
    smtpServer: transport.smtpServer,
    useSsl: transport.useSsl,
    implicitTls: transport.implicitTls,
    smtpAuth: auth.kind,
    ...(auth.kind === 'basic' ? { username: auth.username } : {}),
    ...(auth.kind === 'oauth' ? { mailboxAddress: auth.mailboxAddress, connectionId: auth.connectionId } : {}),
  };
}

function redactSmtp(transport: SmtpTransport): PublicSmtpTransport {
  if (transport.auth.kind !== 'basic') return { ...transport, auth: transport.auth };
  const { password: _secret, ...auth } = transport.auth;
  return { ...transport, auth };
}

/** The form's rules for SMTP; `complete` demands every field the chosen authentication needs. */
function checkSmtp(transport: SmtpTransport, issue: FieldIssue, complete: boolean, typed: TransportFields): void {
  if (transport.smtpServer) {
    const server = parseSmtpServer(transport.smtpServer);
    if (!server.ok) issue('smtpServer', server.message);
    else {
      // As typed: "TLS from the first byte" without Use SSL is explained rather than silently dropped.
      const security = smtpSecurity(server.port, typed.useSsl, typed.implicitTls);
      if (!security.ok) issue(security.field, security.message);
    }
  } else if (complete) issue('smtpServer', 'Enter the SMTP server as host:port, e.g. smtp.office365.com:587');
  const { auth } = transport;
  if (auth.kind === 'basic' && complete && !auth.username) issue('username', 'Enter the username');
  if (auth.kind === 'oauth' && complete) {
    if (!auth.mailboxAddress)
      issue('mailboxAddress', 'Enter the mailbox that signs in, e.g. notifications@contoso.com');
    if (!auth.connectionId) issue('connectionId', 'Choose the Service Connection whose token signs in');
  }
}

/** How a test email says it went, e.g. "SMTP (smtp.office365.com:587, STARTTLS, required, Modern Authentication (OAuth 2.0))". */
function describeSmtp(transport: PublicSmtpTransport): string {
  const auth =
    transport.auth.kind === 'oauth'
      ? 'Modern Authentication (OAuth 2.0)'
      : transport.auth.kind === 'basic'
        ? 'a username and password'
        : 'no authentication';
  const port = Number(transport.smtpServer.split(':').pop());
  const security = smtpSecurity(port, transport.useSsl, transport.implicitTls);
  return `SMTP (${transport.smtpServer}, ${security.ok ? SMTP_TLS_MODE_LABELS[security.mode] : 'TLS'}, ${auth})`;
}

export const smtpTransport: TransportDefinition<'smtp'> = {
  ...smtpForm,
  fromFields: smtpFromFields,
  toFields: smtpToFields,
  redact: redactSmtp,
  secret: (t) => (t.auth.kind === 'basic' ? t.auth.password : null),
  withSecret: (t, password) => (t.auth.kind === 'basic' ? { ...t, auth: { ...t.auth, password } } : t),
  check: checkSmtp,
  connectionUse: (t) =>
    t.auth.kind === 'oauth'
      ? {
          connectionId: t.auth.connectionId,
          mailboxAddress: t.auth.mailboxAddress,
          job: 'smtp-send',
          api: 'exchange',
          tokenServer: t.smtpServer,
        }
      : null,
  describe: describeSmtp,
  destination: (t) => t.smtpServer,
  server: (t) => t.smtpServer,
  usage: 'Outbound mail through SMTP (OAuth 2.0)',
};
