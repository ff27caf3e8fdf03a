import { describe, expect, it } from 'vitest';
import { emailSettingsSchema, testEmailSchema } from './email-settings-schema';
import { isSenderAllowed } from './is-sender-allowed';

const errorsOf = (schema: typeof emailSettingsSchema | typeof testEmailSchema, input: Record<string, string>) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the Emails form’s rules', () => {
  it('asks for what the chosen mode needs, once Enabled', () => {
    expect(errorsOf(emailSettingsSchema, { enabled: 'on', connectionType: 'smtp', smtpAuth: 'oauth' })).toMatchObject({
      smtpServer: expect.any(String),
      mailboxAddress: expect.any(String),
      connectionId: expect.any(String),
      senderAddress: expect.any(String),
    });
    expect(
      errorsOf(emailSettingsSchema, { enabled: 'on', connectionType: 'graph', senderAddress: 'a@contoso.com' }),
    ).toEqual({ connectionId: expect.any(String) });
    expect(errorsOf(emailSettingsSchema, { connectionType: 'smtp', smtpAuth: 'oauth' })).toEqual({});
  });

  it('reads Use SSL as .NET’s EnableSsl: 587 with Use SSL is STARTTLS; 465 without it is explained', () => {
    const base = { enabled: 'on', connectionType: 'smtp', senderAddress: 'a@contoso.com' };
    expect(errorsOf(emailSettingsSchema, { ...base, smtpServer: 'smtp.office365.com:587', useSsl: 'on' })).toEqual({});
    expect(errorsOf(emailSettingsSchema, { ...base, smtpServer: 'mail.contoso.com:465' })).toEqual({
      useSsl: expect.stringMatching(/Port 465 expects TLS from the first byte/),
    });
    expect(errorsOf(emailSettingsSchema, { ...base, smtpServer: 'mail.contoso.com:465', useSsl: 'on' })).toEqual({});
    expect(errorsOf(emailSettingsSchema, { ...base, smtpServer: 'relay:2465', implicitTls: 'on' })).toEqual({
      implicitTls: expect.stringMatching(/needs Use SSL/),
    });
    expect(
      errorsOf(emailSettingsSchema, { ...base, smtpServer: 'relay:2465', useSsl: 'on', implicitTls: 'on' }),
    ).toEqual({});
    expect(errorsOf(emailSettingsSchema, { ...base, smtpServer: 'relay:25', smtpAuth: 'none' })).toEqual({});
  });

  it('needs a recipient for a test, whether or not Enabled is on', () => {
    expect(
      errorsOf(testEmailSchema, {
        connectionType: 'smtp',
        smtpServer: 'relay:25',
        smtpAuth: 'none',
        senderAddress: 'a@contoso.com',
      }),
    ).toEqual({ testRecipient: expect.any(String) });
    expect(
      errorsOf(testEmailSchema, { connectionType: 'smtp', smtpAuth: 'none', testRecipient: 'b@contoso.com' }),
    ).toHaveProperty('smtpServer');
  });

  it('reads allowed senders as addresses and @domains', () => {
    const parsed = emailSettingsSchema.parse({
      connectionType: 'smtp',
      allowedSenders: 'Alerts@Contoso.com\n*@fabrikam.com, @contoso.net',
    });
    expect(parsed.allowedSenders).toEqual(['alerts@contoso.com', '@fabrikam.com', '@contoso.net']);
    expect(isSenderAllowed('noreply@fabrikam.com', 'a@contoso.com', parsed.allowedSenders)).toBe(true);
    expect(isSenderAllowed('A@contoso.com', 'a@contoso.com', parsed.allowedSenders)).toBe(true);
    expect(isSenderAllowed('ceo@contoso.com', 'a@contoso.com', parsed.allowedSenders)).toBe(false);
    expect(errorsOf(emailSettingsSchema, { connectionType: 'smtp', allowedSenders: 'not an address' })).toHaveProperty(
      'allowedSenders',
    );
  });
});
