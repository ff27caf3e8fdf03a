import { describe, expect, it } from 'vitest';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { messageState } from './support/message-state';
import { testEmailInput } from './support/test-email-input';
import { uniqueRecipient } from './support/unique-recipient';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Send test email through the sandbox's Exchange SMTP (XOAUTH2) and Microsoft Graph, delegated and application,
// exactly as the Emails page does it; the message is then read back from the sandbox mailbox.

describe('sending through Exchange Online and Microsoft Graph (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  async function signedIn(builtInKey: string, person = ADELE) {
    const { connectionId } = await createSandboxConnection(suite.sandbox, builtInKey);
    if (builtInKey !== 'client-credentials')
      expect((await signInConnection(connectionId, person)).outcome.ok).toBe(true);
    return connectionId;
  }

  it('Exchange SMTP with Modern Authentication: the message arrives with the right From, To, Subject and body', async () => {
    const connectionId = await signedIn('exchange-smtp');
    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'smtp',
        smtpServer: `127.0.0.1:${suite.sandbox.info.smtp.port}`,
        useSsl: 'on',
        confirmSmtpHost: '127.0.0.1',
        smtpAuth: 'oauth',
        mailboxAddress: ADELE.username,
        connectionId,
        senderAddress: ADELE.username,
        senderName: 'Adele Vance',
        testRecipient: to,
      }),
      'admin@switchboard.test',
    );
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent', outcome: { kind: 'sent', code: '250 2.0.0' } } });
    const [message] = suite.sandbox.control.readMailbox(to);
    expect(message?.from).toEqual({ name: 'Adele Vance', address: ADELE.username });
    expect(message?.to.map((a) => a.address)).toEqual([to]);
    expect(message?.subject).toBe('Switchboard test email');
    expect(message?.text).toMatch(
      /sent by Switchboard through SMTP \(127\.0\.0\.1:\d+, STARTTLS, required, Modern Authentication \(OAuth 2\.0\)\)/,
    );
    expect(suite.sandbox.control.counters()['smtp:auth']).toBeGreaterThan(0);
  });

  it('Microsoft Graph, delegated: POST /me/sendMail', async () => {
    const connectionId = await signedIn('graph-mail');
    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'graph',
        connectionId,
        senderAddress: ADELE.username,
        senderName: 'Adele Vance',
        testRecipient: to,
      }),
      'admin@switchboard.test',
    );
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent', outcome: { kind: 'sent', code: '202' } } });
    const [message] = suite.sandbox.control.readMailbox(to);
    expect(message).toMatchObject({ from: { address: ADELE.username }, subject: 'Switchboard test email' });
    expect(message?.text).toMatch(/through Microsoft Graph/);
    expect(
      suite.sandbox.control
        .readMailbox(ADELE.username, 'sentitems')
        .some((m) => m.internetMessageId === message?.internetMessageId),
    ).toBe(true);
  });

  it('Microsoft Graph, application connection: POST /users/{mailbox}/sendMail', async () => {
    const connectionId = await signedIn('client-credentials');
    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'graph',
        connectionId,
        mailboxAddress: 'support@contoso.onmicrosoft.com',
        senderAddress: 'support@contoso.onmicrosoft.com',
        senderName: 'Contoso Support',
        testRecipient: to,
      }),
      'admin@switchboard.test',
    );
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent' } });
    const [message] = suite.sandbox.control.readMailbox(to);
    expect(message).toMatchObject({
      from: { address: 'support@contoso.onmicrosoft.com', name: 'Contoso Support' },
      subject: 'Switchboard test email',
    });
    expect(suite.sandbox.control.readMailbox('support@contoso.onmicrosoft.com', 'sentitems')).toHaveLength(1);
  });

  it('refuses OAuth with a connection that was not granted SMTP.Send, or nobody signed in to', async () => {
    const graphOnly = await signedIn('graph-mail');
    const { connectionId: notSignedIn } = await createSandboxConnection(suite.sandbox, 'exchange-smtp');
    const base = {
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${suite.sandbox.info.smtp.port}`,
      useSsl: 'on',
      confirmSmtpHost: '127.0.0.1',
      smtpAuth: 'oauth',
      mailboxAddress: ADELE.username,
      senderAddress: ADELE.username,
      testRecipient: uniqueRecipient(),
    };
    expect(await sendTestEmail(testEmailInput({ ...base, connectionId: graphOnly }), 'a@b.test')).toMatchObject({
      ok: false,
      fieldErrors: { connectionId: expect.stringMatching(/not granted SMTP\.Send/) },
    });
    expect(await sendTestEmail(testEmailInput({ ...base, connectionId: notSignedIn }), 'a@b.test')).toMatchObject({
      ok: false,
      fieldErrors: { connectionId: expect.stringMatching(/Setup Authentication/) },
    });
  });

  it('429 with Retry-After: a test email shows the answer once and is not retried', async () => {
    const connectionId = await signedIn('graph-mail');
    const to = uniqueRecipient();
    suite.sandbox.control.injectThrottle({ service: 'graph', count: 1, retryAfterSeconds: 2 });
    const sent = await sendTestEmail(
      testEmailInput({ connectionType: 'graph', connectionId, senderAddress: ADELE.username, testRecipient: to }),
      'a@b.test',
    );
    if (!sent.ok) throw new Error(JSON.stringify(sent.fieldErrors));
    expect(sent.result).toMatchObject({
      state: 'failed',
      outcome: { kind: 'retry', code: '429 ApplicationThrottled' },
      explanation: { title: expect.stringMatching(/throttling/) },
    });
    const row = await messageState(sent.result.messageId);
    expect(row).toMatchObject({
      state: 'failed',
      source: 'test',
      attempts: 1,
      leaseOwner: null,
      transportOverride: null,
    });
    expect(row.attemptLog.map((a) => a.outcome)).toEqual(['failed']);
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(0);
  });
});
