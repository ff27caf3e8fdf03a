import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';
import { testEmailInput } from './support/test-email-input';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'error';

// Issue 10 §1: "Use SSL" as .NET's EnableSsl, against real SMTP servers on loopback:
//   ticked: TLS from the first byte on 465 (or with "TLS from the first byte on this port"), STARTTLS required elsewhere;
//   not ticked: STARTTLS when offered, plain text only without a credential.
// A mismatch is explained in words once it is certain; when no SMTP server answered, "Could not connect" and nothing
// more (issue 11 finding 4: Send test email is no port scanner).

const CREDENTIALS = { user: 'relay', pass: 'relay password 1' };

describe('Use SSL against real SMTP servers (SQLite)', () => {
  let database: TestDatabase;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function sink(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<SmtpSink> {
    const started = await startSmtpSink(options);
    closers.push(() => started.close());
    return started;
  }

  /** A TCP server that is not SMTP: it greets with `banner` (or says nothing) and answers anything with `reply`. */
  async function notSmtp(banner: string | null, reply = 'HTTP/1.1 400 Bad Request\r\n\r\n'): Promise<number> {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      if (banner) socket.write(banner);
      socket.on('data', () => socket.end(reply));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    });
    return (server.address() as AddressInfo).port;
  }

  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  async function test(port: number, fields: Record<string, string> = {}) {
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'smtp',
        smtpServer: `127.0.0.1:${port}`,
        smtpAuth: 'none',
        senderAddress: 'alerts@contoso.test',
        testRecipient: 'ops@contoso.test',
        ...fields,
      }),
      'admin@switchboard.test',
    );
    if (!sent.ok) throw new Error(JSON.stringify(sent.fieldErrors));
    return sent.result;
  }

  const basic = { smtpAuth: 'basic', username: CREDENTIALS.user, password: CREDENTIALS.pass };

  it('ticked on a STARTTLS port (the EAP guide’s 587 + Use SSL): STARTTLS, with the password', async () => {
    const server = await sink({ auth: CREDENTIALS });
    expect(await test(server.port, { useSsl: 'on', ...basic })).toMatchObject({ state: 'sent' });
    expect(server.messages[0]).toMatchObject({ secure: true, user: 'relay' });
    expect(server.authAttempts).toEqual([{ secure: true }]);
  });

  it('ticked: a server without STARTTLS is refused with an explanation, and no password is sent', async () => {
    const server = await sink({ starttls: false, auth: CREDENTIALS });
    const result = await test(server.port, { useSsl: 'on', ...basic });
    expect(result).toMatchObject({
      state: 'failed',
      outcome: {
        code: 'NO_STARTTLS',
        answer: expect.stringMatching(/does not offer STARTTLS, and Use SSL requires TLS/),
      },
    });
    expect(result.explanation?.title).toBe('The server does not offer STARTTLS');
    expect(server.authAttempts).toEqual([]);
    expect(server.messages).toEqual([]);
  });

  it('not ticked: STARTTLS when offered; plain text only without a credential', async () => {
    const offering = await sink();
    expect(await test(offering.port)).toMatchObject({ state: 'sent' });
    expect(offering.messages[0]?.secure).toBe(true);

    const plain = await sink({ starttls: false });
    expect(await test(plain.port)).toMatchObject({ state: 'sent' });
    expect(plain.messages[0]?.secure).toBe(false);

    const withPassword = await sink({ starttls: false, auth: CREDENTIALS });
    const refused = await test(withPassword.port, basic);
    expect(refused).toMatchObject({
      state: 'failed',
      outcome: {
        code: 'PLAINTEXT_AUTH_REFUSED',
        answer: expect.stringMatching(/never sends a password or token unencrypted/),
      },
    });
    expect(refused.explanation?.title).toBe('Authentication over plain text refused');
    expect(withPassword.authAttempts).toEqual([]);
  });

  it('TLS from the first byte on another port (the advanced option), and the mismatches explained in words', async () => {
    const implicit = await sink({ implicitTls: true });
    expect(await test(implicit.port, { useSsl: 'on', implicitTls: 'on' })).toMatchObject({ state: 'sent' });
    expect(implicit.messages[0]?.secure).toBe(true);

    const starttls = await sink();
    const notTls = await test(starttls.port, { useSsl: 'on', implicitTls: 'on' });
    expect(notTls).toMatchObject({
      state: 'failed',
      outcome: {
        code: 'NOT_IMPLICIT_TLS',
        answer: expect.stringMatching(/plain-text SMTP greeting, not with TLS from the first byte/),
      },
    });
    expect(notTls.outcome.answer).not.toMatch(/ssl3|SSL routines|wrong version number/i);
    expect(notTls.explanation?.title).toBe('The server speaks plain text first, not TLS');

    const tlsFirst = await test(implicit.port, { useSsl: 'on' });
    expect(tlsFirst).toMatchObject({
      state: 'failed',
      outcome: { code: 'IMPLICIT_TLS_PORT', answer: expect.stringMatching(/speaks TLS from the first byte/) },
    });
    expect(tlsFirst.explanation?.title).toBe('The server speaks TLS from the first byte');
  });

  it('closed and non-SMTP ports, in either TLS mode, all answer “Could not connect” and nothing more', async () => {
    const closed = await closedPort();
    const ssh = await notSmtp('SSH-2.0-OpenSSH_9.6\r\n');
    const http = await notSmtp(null);
    const answers = [
      await test(closed, { useSsl: 'on' }),
      await test(ssh, { useSsl: 'on' }),
      await test(http, { useSsl: 'on', implicitTls: 'on' }),
      await test(ssh, { useSsl: 'on', implicitTls: 'on' }),
    ];
    const ports = [closed, ssh, http, ssh];
    answers.forEach((result, index) => {
      expect(result).toMatchObject({
        state: 'failed',
        outcome: { code: 'COULD_NOT_CONNECT', answer: `Could not connect to 127.0.0.1:${ports[index]}.` },
      });
      expect(result.explanation?.title).toBe('Could not connect');
    });
  });
});
