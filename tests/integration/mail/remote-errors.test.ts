import { describe, expect, it } from 'vitest';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import defaultConfig from '../../../sandbox/default-config.json';
import type { SandboxConfig } from '../../../sandbox/config/sandbox-config-schema';
import { startSandbox } from '../../../sandbox/start-sandbox';
import { ADELE, createSandboxConnection, signInConnection, TEST_REDIRECT_URI } from '../../support/sandbox-connection';
import { SANDBOX_TLS_DIR } from '../../support/sandbox-tls';
import { sandboxSuite } from '../../support/sandbox-suite';
import { testEmailInput } from './support/test-email-input';
import { uniqueRecipient } from './support/unique-recipient';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Each of Exchange's and Graph's common refusals, produced by the sandbox, comes back from Send test email with the
// server's own answer and the explanation the Emails page shows.

const SCANNER = { username: 'scanner@contoso.onmicrosoft.com', password: 'Sandbox-Scanner-1' };
const MEGAN = 'megan@contoso.onmicrosoft.com';

describe('remote refusals and their explanations (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  async function connection(
    builtInKey: string,
    person: { username: string; password: string } | null = ADELE,
    on = suite.sandbox,
  ) {
    const { connectionId } = await createSandboxConnection(on, builtInKey);
    if (person) expect((await signInConnection(connectionId, person)).outcome.ok).toBe(true);
    return connectionId;
  }

  async function test(fields: Record<string, string>) {
    const sent = await sendTestEmail(
      testEmailInput({ testRecipient: uniqueRecipient(), ...fields }),
      'admin@switchboard.test',
    );
    if (!sent.ok) throw new Error(JSON.stringify(sent.fieldErrors));
    return sent.result;
  }

  const smtp = (connectionId: string, mailbox: string, sender: string) => ({
    connectionType: 'smtp',
    smtpServer: `127.0.0.1:${suite.sandbox.info.smtp.port}`,
    useSsl: 'on',
    // The sandbox is a Custom cloud: its token goes to a host only once confirmed (nothing is saved here).
    confirmSmtpHost: '127.0.0.1',
    smtpAuth: 'oauth',
    mailboxAddress: mailbox,
    connectionId,
    senderAddress: sender,
  });

  it('535 5.7.139: SMTP AUTH disabled for the mailbox', async () => {
    const connectionId = await connection('exchange-smtp', SCANNER);
    const result = await test(smtp(connectionId, SCANNER.username, SCANNER.username));
    expect(result).toMatchObject({
      state: 'failed',
      outcome: {
        code: '535 5.7.139',
        answer: expect.stringMatching(/SmtpClientAuthentication is disabled for the Mailbox/),
      },
    });
    expect(result.explanation?.title).toBe('SMTP AUTH is turned off for the mailbox or the tenant');
    expect(result.explanation?.fix).toMatch(/Set-CASMailbox/);
  });

  it('535 5.7.139: SMTP AUTH disabled for the tenant', async () => {
    const connectionId = await connection('exchange-smtp');
    suite.sandbox.control.setTenantSmtpAuthEnabled(suite.sandbox.info.tenantId, false);
    try {
      const result = await test(smtp(connectionId, ADELE.username, ADELE.username));
      expect(result.outcome?.answer).toMatch(/disabled for the Tenant/);
      expect(result.explanation?.fix).toMatch(/Set-TransportConfig/);
    } finally {
      suite.sandbox.control.setTenantSmtpAuthEnabled(suite.sandbox.info.tenantId, true);
    }
  });

  it('535 5.7.3: the token is rejected for another mailbox', async () => {
    const connectionId = await connection('exchange-smtp');
    const result = await test(smtp(connectionId, MEGAN, MEGAN));
    expect(result).toMatchObject({
      state: 'failed',
      outcome: { code: '535 5.7.3' },
      explanation: { title: 'Exchange rejected the token' },
    });
  });

  it('550 5.7.60: no right to send as the Default Sender', async () => {
    const connectionId = await connection('exchange-smtp');
    const result = await test(smtp(connectionId, ADELE.username, MEGAN));
    expect(result).toMatchObject({
      state: 'failed',
      outcome: { code: '550 5.7.60', answer: expect.stringMatching(/^MAIL FROM: 550 5\.7\.60/) },
      explanation: { title: 'No right to send as this sender' },
    });
  });

  it('ErrorSendAsDenied: Graph refuses the From address', async () => {
    const connectionId = await connection('graph-mail');
    const result = await test({ connectionType: 'graph', connectionId, senderAddress: MEGAN });
    expect(result).toMatchObject({
      state: 'failed',
      outcome: { code: '403 ErrorSendAsDenied' },
      explanation: { title: 'No right to send as this sender' },
    });
  });

  it('ErrorAccessDenied: the app has no Mail.Send permission', async () => {
    const config = structuredClone(defaultConfig) as SandboxConfig;
    const app = config.tenants[0]?.applications?.[0];
    if (!app?.applicationPermissions) throw new Error('unexpected sandbox configuration');
    app.applicationPermissions['https://graph.microsoft.com'] = ['User.Read.All'];
    const withoutMailSend = await startSandbox({ dataDir: SANDBOX_TLS_DIR, redirectUris: [TEST_REDIRECT_URI], config });
    try {
      const connectionId = await connection('client-credentials', null, withoutMailSend);
      const result = await test({
        connectionType: 'graph',
        connectionId,
        mailboxAddress: ADELE.username,
        senderAddress: ADELE.username,
      });
      expect(result).toMatchObject({
        state: 'failed',
        outcome: { code: '403 ErrorAccessDenied' },
        explanation: { title: 'Microsoft Graph denied access: Mail.Send is missing' },
      });
    } finally {
      await withoutMailSend.close();
    }
  });

  it('ErrorAccessDenied [RAOP]: an application access policy excludes the mailbox', async () => {
    const connectionId = await connection('client-credentials', null);
    const patti = 'patti@contoso.onmicrosoft.com';
    const result = await test({ connectionType: 'graph', connectionId, mailboxAddress: patti, senderAddress: patti });
    expect(result).toMatchObject({
      state: 'failed',
      outcome: { code: '403 ErrorAccessDenied' },
      explanation: { title: expect.stringMatching(/application access policy/) },
    });
  });

  it('MailboxNotEnabledForRESTAPI: an on-premises mailbox', async () => {
    const connectionId = await connection('client-credentials', null);
    const onprem = 'onprem@contoso.onmicrosoft.com';
    const result = await test({ connectionType: 'graph', connectionId, mailboxAddress: onprem, senderAddress: onprem });
    expect(result).toMatchObject({
      state: 'failed',
      outcome: { code: '404 MailboxNotEnabledForRESTAPI' },
      explanation: { title: expect.stringMatching(/cannot be reached through Microsoft Graph/) },
    });
  });

  it('432 4.3.2: Exchange SMTP throttling is explained, and a test is not retried', async () => {
    const connectionId = await connection('exchange-smtp');
    suite.sandbox.control.injectThrottle({ service: 'smtp', count: 1, retryAfterSeconds: 1 });
    const result = await test(smtp(connectionId, ADELE.username, ADELE.username));
    expect(result).toMatchObject({
      state: 'failed',
      outcome: { kind: 'retry', code: '432 4.3.2', throttled: true },
      explanation: { title: 'Microsoft is throttling this mailbox' },
    });
  });
});
