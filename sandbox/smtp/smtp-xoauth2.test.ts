import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMsalClient } from '../testing/create-msal-client';
import { signInUser } from '../testing/sign-in-user';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

const ADELE = 'adele@contoso.onmicrosoft.com';
const MEGAN = 'megan@contoso.onmicrosoft.com';
const SUPPORT = 'support@contoso.onmicrosoft.com';
const SMTP_SEND = ['https://outlook.office.com/SMTP.Send'];

let sandbox: TestSandbox;
let adeleToken: string;
let meganToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  adeleToken = (await signInUser(sandbox, { username: ADELE, password: 'Sandbox-Adele-1', scopes: SMTP_SEND })).result
    .accessToken;
  meganToken = (await signInUser(sandbox, { username: MEGAN, password: 'Sandbox-Megan-1', scopes: SMTP_SEND })).result
    .accessToken;
});
afterAll(() => sandbox.close());

type Auth = { type: 'OAuth2'; user: string; accessToken: string } | { user: string; pass: string };

function transport(auth?: Auth, extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: sandbox.info.smtp.host,
    port: sandbox.info.smtp.port,
    secure: false,
    requireTLS: true,
    tls: { ca: sandbox.caPem },
    auth,
    ...extra,
  });
}

const oauth = (user: string, accessToken: string): Auth => ({ type: 'OAuth2', user, accessToken });

async function smtpFailure(
  promise: Promise<unknown>,
): Promise<{ responseCode?: number; response?: string; code?: string; message: string }> {
  return (await promise.then(
    () => {
      throw new Error('expected the SMTP server to refuse');
    },
    (error: unknown) => error,
  )) as { responseCode?: number; response?: string; code?: string; message: string };
}

describe('Exchange SMTP with XOAUTH2 through nodemailer', () => {
  it('accepts a delegated SMTP.Send token after STARTTLS and delivers into the sandbox mailboxes', async () => {
    const info = await transport(oauth(ADELE, adeleToken)).sendMail({
      from: `Adele Vance <${ADELE}>`,
      to: MEGAN,
      cc: 'partner@fabrikam.example',
      subject: 'Over SMTP',
      text: 'Plain body',
      html: '<b>HTML body</b>',
      attachments: [{ filename: 'hello.txt', content: 'hello world', contentType: 'text/plain' }],
    });
    expect(info.response).toMatch(/^250 2\.0\.0 OK <.+> \[Hostname=SANDBOX\.prod\.outlook\.com\]$/);
    const [received] = sandbox.control.readMailbox(MEGAN).filter((m) => m.subject === 'Over SMTP');
    expect(received).toMatchObject({
      from: { address: ADELE, name: 'Adele Vance' },
      to: [{ address: MEGAN }],
      cc: [{ address: 'partner@fabrikam.example' }],
      text: 'Plain body',
      html: '<b>HTML body</b>',
    });
    expect(received?.attachments).toEqual([{ name: 'hello.txt', contentType: 'text/plain', size: 11 }]);
    expect(received?.internetMessageId).toBe(info.messageId);
    expect(sandbox.control.readMailbox('partner@fabrikam.example').map((m) => m.subject)).toContain('Over SMTP');
    expect(sandbox.control.readMailbox(ADELE, 'sentitems').map((m) => m.subject)).toContain('Over SMTP');
  });

  it('lets a user send as a shared mailbox it has SendAs on', async () => {
    await transport(oauth(ADELE, adeleToken)).sendMail({
      from: SUPPORT,
      to: MEGAN,
      subject: 'From the shared mailbox',
      text: 'x',
    });
    const [received] = sandbox.control.readMailbox(MEGAN).filter((m) => m.subject === 'From the shared mailbox');
    expect(received?.from?.address).toBe(SUPPORT);
  });

  it('accepts an app-only token with SMTP.SendAsApp', async () => {
    const token =
      (
        await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
          scopes: ['https://outlook.office.com/.default'],
        })
      )?.accessToken ?? '';
    await transport(oauth(MEGAN, token)).sendMail({ from: MEGAN, to: ADELE, subject: 'App-only SMTP', text: 'x' });
    expect(sandbox.control.readMailbox(ADELE).map((m) => m.subject)).toContain('App-only SMTP');
  });

  it('refuses app-only SMTP for a mailbox the service principal has no permission on, with the same 535 5.7.3', async () => {
    const token =
      (
        await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
          scopes: ['https://outlook.office365.com/.default'],
        })
      )?.accessToken ?? '';
    const send = () =>
      transport(oauth(ADELE, token)).sendMail({ from: ADELE, to: MEGAN, subject: 'As app', text: 'x' });
    const error = await smtpFailure(send());
    expect(error.response).toBe('535 5.7.3 Authentication unsuccessful [SANDBOX.prod.outlook.com]');
    sandbox.control.setAppFullAccess(ADELE, sandbox.info.clientId, true);
    try {
      await send();
      expect(sandbox.control.readMailbox(MEGAN).map((m) => m.subject)).toContain('As app');
    } finally {
      sandbox.control.setAppFullAccess(ADELE, sandbox.info.clientId, false);
    }
  });

  it('refuses a bad token, a Graph token and another user’s mailbox with 535 5.7.3', async () => {
    const graphToken =
      (
        await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
          scopes: ['https://graph.microsoft.com/.default'],
        })
      )?.accessToken ?? '';
    for (const auth of [oauth(ADELE, 'not-a-token'), oauth(ADELE, graphToken), oauth(ADELE, meganToken)]) {
      const error = await smtpFailure(transport(auth).sendMail({ from: ADELE, to: MEGAN, subject: 'x', text: 'x' }));
      expect(error.code).toBe('EAUTH');
      expect(error.response).toBe('535 5.7.3 Authentication unsuccessful [SANDBOX.prod.outlook.com]');
    }
  });

  it('refuses with 535 5.7.139 when SMTP AUTH is disabled for the mailbox or the organisation', async () => {
    const scanner = await signInUser(sandbox, {
      username: 'scanner@contoso.onmicrosoft.com',
      password: 'Sandbox-Scanner-1',
      scopes: SMTP_SEND,
    });
    const mailbox = await smtpFailure(
      transport(oauth('scanner@contoso.onmicrosoft.com', scanner.result.accessToken)).sendMail({
        from: 'scanner@contoso.onmicrosoft.com',
        to: MEGAN,
        subject: 'x',
        text: 'x',
      }),
    );
    expect(mailbox.response).toBe(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [SANDBOX.prod.outlook.com]',
    );

    sandbox.control.setSmtpAuthEnabled(ADELE, false);
    expect((await smtpFailure(transport(oauth(ADELE, adeleToken)).verify())).response).toMatch(
      /^535 5\.7\.139 .*disabled for the Mailbox/,
    );
    sandbox.control.setSmtpAuthEnabled(ADELE, true);

    sandbox.control.setTenantSmtpAuthEnabled(sandbox.info.tenantDomain, false);
    expect((await smtpFailure(transport(oauth(ADELE, adeleToken)).verify())).response).toMatch(
      /^535 5\.7\.139 .*disabled for the Tenant/,
    );
    sandbox.control.setTenantSmtpAuthEnabled(sandbox.info.tenantDomain, true);
    expect(await transport(oauth(ADELE, adeleToken)).verify()).toBe(true);
  });

  it.each(['LOGIN', 'PLAIN'])('refuses Basic authentication (AUTH %s) with 535 5.7.139', async (method) => {
    const error = await smtpFailure(
      transport({ user: ADELE, pass: 'Sandbox-Adele-1' }, { authMethod: method }).verify(),
    );
    expect(error.response).toBe(
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [SANDBOX.prod.outlook.com]',
    );
  });

  it('refuses MAIL FROM an address the user may not send as with 550 5.7.60', async () => {
    const error = await smtpFailure(
      transport(oauth(MEGAN, meganToken)).sendMail({ from: SUPPORT, to: ADELE, subject: 'x', text: 'x' }),
    );
    expect(error.responseCode).toBe(550);
    expect(error.response).toBe('550 5.7.60 SMTP; Client does not have permissions to send as this sender');
  });

  it('refuses a From header the user may not send as, after DATA, with 554 5.2.252', async () => {
    const error = await smtpFailure(
      transport(oauth(MEGAN, meganToken)).sendMail({
        envelope: { from: MEGAN, to: [ADELE] },
        from: SUPPORT,
        to: ADELE,
        subject: 'x',
        text: 'x',
      }),
    );
    expect(error.response).toMatch(
      /^554 5\.2\.252 SendAsDenied; megan@contoso\.onmicrosoft\.com not allowed to send as support@contoso\.onmicrosoft\.com; STOREDRV\.Submission\.Exception:SendAsDeniedException/,
    );
  });

  it('refuses mail from an unauthenticated client with 530 5.7.57', async () => {
    const error = await smtpFailure(transport(undefined).sendMail({ from: ADELE, to: MEGAN, subject: 'x', text: 'x' }));
    expect(error.response).toBe('530 5.7.57 Client not authenticated to send mail. [SANDBOX.prod.outlook.com]');
  });

  it('refuses AUTH before STARTTLS', async () => {
    const error = await smtpFailure(
      transport(oauth(ADELE, adeleToken), { requireTLS: false, ignoreTLS: true }).verify(),
    );
    expect(error.message).toMatch(/STARTTLS/);
  });

  it('throttles on demand with 432 4.3.2, then accepts again', async () => {
    sandbox.control.injectThrottle({ service: 'smtp', count: 1, retryAfterSeconds: 0 });
    const error = await smtpFailure(
      transport(oauth(ADELE, adeleToken)).sendMail({ from: ADELE, to: MEGAN, subject: 'throttled', text: 'x' }),
    );
    expect(error.response).toBe('432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded');
    await transport(oauth(ADELE, adeleToken)).sendMail({
      from: ADELE,
      to: MEGAN,
      subject: 'after throttling',
      text: 'x',
    });
    expect(sandbox.control.readMailbox(MEGAN).map((m) => m.subject)).toContain('after throttling');
    expect(sandbox.control.counters()['smtp:authFailure']).toBeGreaterThan(0);
  });
});
