import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { ADELE, createSandboxConnection, signInConnection } from '../support/sandbox-connection';
import { sandboxSuite } from '../support/sandbox-suite';
import { testEmailInput } from './mail/support/test-email-input';
import { uniqueRecipient } from './mail/support/unique-recipient';

process.env.SWITCHBOARD_LOG_LEVEL = 'warn';

// What an operator reads in the log: a failed delivery attempt (message id, transport, the remote's answer, never a
// secret), and no library noise from a sign-in or a client-credentials token.

const SCANNER = { username: 'scanner@contoso.onmicrosoft.com', password: 'Sandbox-Scanner-1' };
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;

describe('operator logs (SQLite)', () => {
  const suite = sandboxSuite('sqlite');
  let lines: string[] = [];

  beforeEach(() => {
    lines = [];
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return write(chunk, ...(rest as []));
    });
  });
  afterEach(() => vi.restoreAllMocks());

  const events = () =>
    lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

  it('a failed delivery attempt is one warn line with the message id, the transport and the remote answer', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'exchange-smtp');
    expect((await signInConnection(connectionId, SCANNER)).outcome.ok).toBe(true);
    lines = [];
    const sent = await sendTestEmail(
      testEmailInput({
        testRecipient: uniqueRecipient(),
        connectionType: 'smtp',
        smtpServer: `127.0.0.1:${suite.sandbox.info.smtp.port}`,
        // The administrator confirms that the connection's token may go to this host.
        confirmSmtpHost: '127.0.0.1',
        smtpAuth: 'oauth',
        mailboxAddress: SCANNER.username,
        connectionId,
        senderAddress: SCANNER.username,
      }),
      'admin@switchboard.test',
    );
    if (!sent.ok) throw new Error(JSON.stringify(sent.fieldErrors));
    expect(sent.result.state).toBe('failed');
    const failed = events().filter((e) => e.event === 'outbox.delivery_attempt_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      level: 'warn',
      messageId: sent.result.messageId,
      transport: 'smtp',
      outcome: 'failed',
      code: '535 5.7.139',
      answer: expect.stringMatching(/SmtpClientAuthentication is disabled/),
    });
    const all = lines.join('\n');
    expect(all).not.toMatch(JWT);
    expect(all).not.toContain(suite.sandbox.info.clientSecret);
    expect(all).not.toContain(SCANNER.password);
  });

  it('a sign-in and client-credentials tokens leave no MSAL warnings behind', async () => {
    const delegated = await createSandboxConnection(suite.sandbox, 'graph-mail');
    const application = await createSandboxConnection(suite.sandbox, 'client-credentials');
    lines = [];
    expect((await signInConnection(delegated.connectionId, ADELE)).outcome.ok).toBe(true);
    expect((await getAccessToken(delegated.connectionId, { forceRefresh: true })).ok).toBe(true);
    expect(
      (await getAccessToken(application.connectionId, { resource: 'https://graph.microsoft.com', forceRefresh: true }))
        .ok,
    ).toBe(true);
    expect(lines.filter((line) => /msal|No client info/i.test(line))).toEqual([]);
  });
});
