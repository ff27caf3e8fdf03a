import { z } from 'zod';
import { transportFromFields } from '@/lib/mail/transports/transport-from-fields';
import { smtpAuthKindOf } from '@/lib/mail/transports/smtp/smtp-auth-kinds';
import { transportKindOf } from '@/lib/mail/transports/transport-forms';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import { parseAllowedSenders } from './allowed-senders';

// The Emails form (Settings → Global System Settings → Emails), shared by the form in the browser, its actions and
// the store. Its flat fields become the shared fields and one transport (lib/mail/transports), whose kind checks its
// own fields. Rules that need the database (is the connection signed in, may it send) are in check-settings-connection.

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

// A choice from a select: anything else reads as the first option (see transportFromFields).
const choice = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'string' ? v.trim() : ''));

const fields = z.object({
  enabled: checkbox,
  connectionType: choice.transform(transportKindOf),
  smtpServer: text,
  useSsl: checkbox,
  /** Advanced: TLS from the first byte on a port other than 465 (e.g. 2465). */
  implicitTls: checkbox,
  smtpAuth: choice.transform(smtpAuthKindOf),
  username: text,
  // Not trimmed: a password may start or end with a space. Blank keeps the stored one.
  password: z
    .string()
    .optional()
    .transform((v) => v ?? ''),
  mailboxAddress: text.transform((v) => v.toLowerCase()),
  connectionId: text,
  senderAddress: text,
  senderName: text,
  allowedSenders: text,
  /** The SMTP host the administrator confirmed a Custom cloud's tokens may go to (when it differs from the saved one). */
  confirmSmtpHost: text.transform((v) => v.toLowerCase()),
  /** SMTP with OAuth: the Graph connection that sends as the same mailbox when SMTP AUTH is refused (535 5.7.139). */
  graphFallbackConnectionId: text,
});

type Fields = z.output<typeof fields>;

/** Adds the form's own rules; `complete` demands every field the chosen transport needs (on when Enabled or testing). */
function check(input: Fields, ctx: z.RefinementCtx, complete: boolean): void {
  const issue = (path: keyof Fields, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const transport = transportFromFields(input);
  transportDefinition(transport).check(transport, issue, complete, input);
  if (input.mailboxAddress && !isEmailAddress(input.mailboxAddress))
    issue('mailboxAddress', 'Enter an email address, e.g. notifications@contoso.com');
  if (!input.senderAddress && complete)
    issue('senderAddress', 'Enter the address messages come from, e.g. notifications@contoso.com');
  if (input.senderAddress && !isEmailAddress(input.senderAddress))
    issue('senderAddress', 'Enter an email address, e.g. notifications@contoso.com');
  if (input.senderName.length > 200) issue('senderName', 'Use at most 200 characters');
  if (/[\r\n]/.test(input.senderName)) issue('senderName', 'Use one line');
  const allowed = parseAllowedSenders(input.allowedSenders);
  if (!allowed.ok) issue('allowedSenders', allowed.message);
}

function normalize(input: Fields) {
  const allowed = parseAllowedSenders(input.allowedSenders);
  return {
    enabled: input.enabled,
    transport: transportFromFields(input),
    senderAddress: input.senderAddress.toLowerCase(),
    senderName: input.senderName,
    allowedSenders: allowed.ok ? allowed.entries : [],
    confirmSmtpHost: input.confirmSmtpHost,
    graphFallbackConnectionId: input.graphFallbackConnectionId,
  };
}

export type EmailSettingsInput = ReturnType<typeof normalize>;

/** Done: a disabled configuration may be saved incomplete; an enabled one must be complete. */
export const emailSettingsSchema = fields
  .superRefine((input, ctx) => check(input, ctx, input.enabled))
  .transform(normalize);

/** Send test email: the values on the form, complete whether or not Enabled is on, plus the recipient. */
export const testEmailSchema = fields
  .extend({ testRecipient: text })
  .superRefine((input, ctx) => {
    check(input, ctx, true);
    if (!isEmailAddress(input.testRecipient))
      ctx.addIssue({ code: 'custom', path: ['testRecipient'], message: 'Enter the address the test email goes to' });
  })
  .transform((input) => ({ ...normalize(input), testRecipient: input.testRecipient.toLowerCase() }));

export type TestEmailInput = z.output<typeof testEmailSchema>;
