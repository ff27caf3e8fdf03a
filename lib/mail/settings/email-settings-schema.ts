import { z } from 'zod';
import { parseSmtpServer } from './parse-smtp-server';
import { parseAllowedSenders } from './allowed-senders';
import { smtpSecurity } from './smtp-security';

// The Emails form (Settings → Global System Settings → Emails), shared by the form in the browser, its actions and
// the store. Rules that need the database (is the connection signed in, may it send) are in check-settings-connection.

export const CONNECTION_TYPES = ['smtp', 'graph'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];
export const SMTP_AUTH_MODES = ['none', 'basic', 'oauth'] as const;
export type SmtpAuthMode = (typeof SMTP_AUTH_MODES)[number];

export const SMTP_AUTH_LABELS: Record<SmtpAuthMode, string> = {
  none: 'None (the server accepts mail without signing in)',
  basic: 'Username and password (Basic authentication)',
  oauth: 'Modern Authentication (OAuth 2.0)',
};

export const CONNECTION_TYPE_LABELS: Record<ConnectionType, string> = { smtp: 'SMTP', graph: 'Microsoft Graph' };

const EMAIL = z.email();
const text = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim());
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

export function isEmailAddress(value: string): boolean {
  return EMAIL.safeParse(value).success;
}

const fields = z.object({
  enabled: checkbox,
  connectionType: z.enum(CONNECTION_TYPES, { error: 'Choose SMTP or Microsoft Graph' }).catch('smtp'),
  smtpServer: text,
  useSsl: checkbox,
  /** Advanced: TLS from the first byte on a port other than 465 (e.g. 2465). */
  implicitTls: checkbox,
  smtpAuth: z.enum(SMTP_AUTH_MODES).catch('none'),
  username: text,
  // Not trimmed: a password may start or end with a space. Blank keeps the stored one.
  password: z.string().optional().transform((v) => v ?? ''),
  mailboxAddress: text.transform((v) => v.toLowerCase()),
  connectionId: text,
  senderAddress: text,
  senderName: text,
  allowedSenders: text,
  /** The SMTP host the administrator confirmed a Custom cloud's tokens may go to (when it differs from the saved one). */
  confirmSmtpHost: text.transform((v) => v.toLowerCase()),
});

type Fields = z.output<typeof fields>;

/** Adds the form's own rules; `complete` demands every field the chosen mode needs (on when Enabled or testing). */
function check(input: Fields, ctx: z.RefinementCtx, complete: boolean): void {
  const issue = (path: keyof Fields, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const required = (path: keyof Fields, value: string, message: string) => {
    if (!value && complete) issue(path, message);
  };
  if (input.connectionType === 'smtp') {
    if (input.smtpServer) {
      const server = parseSmtpServer(input.smtpServer);
      if (!server.ok) issue('smtpServer', server.message);
      else {
        const security = smtpSecurity(server.port, input.useSsl, input.implicitTls);
        if (!security.ok) issue(security.field, security.message);
      }
    } else required('smtpServer', '', 'Enter the SMTP server as host:port, e.g. smtp.office365.com:587');
    if (input.smtpAuth === 'basic') required('username', input.username, 'Enter the username');
    if (input.smtpAuth === 'oauth') {
      required('mailboxAddress', input.mailboxAddress, 'Enter the mailbox that signs in, e.g. notifications@contoso.com');
      required('connectionId', input.connectionId, 'Choose the Service Connection whose token signs in');
    }
  } else {
    required('connectionId', input.connectionId, 'Choose the Service Connection that sends through Microsoft Graph');
  }
  if (input.mailboxAddress && !isEmailAddress(input.mailboxAddress)) issue('mailboxAddress', 'Enter an email address, e.g. notifications@contoso.com');
  required('senderAddress', input.senderAddress, 'Enter the address messages come from, e.g. notifications@contoso.com');
  if (input.senderAddress && !isEmailAddress(input.senderAddress)) issue('senderAddress', 'Enter an email address, e.g. notifications@contoso.com');
  if (input.senderName.length > 200) issue('senderName', 'Use at most 200 characters');
  if (/[\r\n]/.test(input.senderName)) issue('senderName', 'Use one line');
  const allowed = parseAllowedSenders(input.allowedSenders);
  if (!allowed.ok) issue('allowedSenders', allowed.message);
}

function normalize(input: Fields) {
  const server = parseSmtpServer(input.smtpServer);
  const allowed = parseAllowedSenders(input.allowedSenders);
  return {
    ...input,
    smtpServer: server.ok ? server.value : input.smtpServer,
    allowedSenders: allowed.ok ? allowed.entries : [],
    senderAddress: input.senderAddress.toLowerCase(),
  };
}

export type EmailSettingsInput = ReturnType<typeof normalize>;

/** Done: a disabled configuration may be saved incomplete; an enabled one must be complete. */
export const emailSettingsSchema = fields.superRefine((input, ctx) => check(input, ctx, input.enabled)).transform(normalize);

/** Send test email: the values on the form, complete whether or not Enabled is on, plus the recipient. */
export const testEmailSchema = fields
  .extend({ testRecipient: text })
  .superRefine((input, ctx) => {
    check(input, ctx, true);
    if (!isEmailAddress(input.testRecipient)) ctx.addIssue({ code: 'custom', path: ['testRecipient'], message: 'Enter the address the test email goes to' });
  })
  .transform((input) => ({ ...normalize(input), testRecipient: input.testRecipient.toLowerCase() }));

export type TestEmailInput = z.output<typeof testEmailSchema>;
