import crypto from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { type OutboxWorker, startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { messageState } from './support/message-state';
import { saveSettings } from './support/save-settings';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';
import { waitFor } from './support/wait-for';

// Delivery to a plain SMTP server (smtp-server on loopback), with and without STARTTLS and AUTH; every message is
// parsed back with a MIME parser and compared with what was accepted.

const FAST = { pollIntervalMs: 50, policy: { retryBaseMs: 200, retryMaxMs: 400, leaseMs: 5000 } };

describe('delivery to a plain SMTP server (SQLite)', () => {
  let database: TestDatabase;
  let worker: OutboxWorker | undefined;
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
  });
  afterEach(async () => {
    await worker?.stop();
    await sink?.close();
    worker = undefined;
    sink = undefined;
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const attachment = crypto.randomBytes(70_000);

  async function sendOne(subject: string) {
    const accepted = await enqueueMessage({
      source: 'api',
      from: { address: 'notifications@contoso.test', name: 'Contoso Notifications' },
      to: [{ address: 'ann@example.test', name: 'Ann Example' }],
      cc: [{ address: 'carl@example.test', name: '' }],
      bcc: [{ address: 'hidden@example.test', name: '' }],
      replyTo: [{ address: 'help@contoso.test', name: 'Help desk' }],
      subject,
      text: 'Plain body ✓',
      html: '<p>HTML body ✓</p>',
      attachments: [{ filename: 'report.bin', contentType: 'application/octet-stream', content: attachment }],
    });
    return accepted;
  }

  it('sends over STARTTLS with AUTH and the message parses back as accepted', async () => {
    sink = await startSmtpSink({ auth: { user: 'relay-user', pass: 'relay password 1' } });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'basic',
      username: 'relay-user',
      password: 'relay password 1',
      senderAddress: 'notifications@contoso.test',
    });
    const accepted = await sendOne('STARTTLS and AUTH');
    worker = startOutboxWorker(FAST);
    const row = await waitFor('the message to be sent', async () => {
      const state = await messageState(accepted.id);
      return state.state === 'sent' ? state : undefined;
    });
    expect(sink.messages).toHaveLength(1);
    const [received] = sink.messages;
    expect(received).toMatchObject({ secure: true, user: 'relay-user', from: 'notifications@contoso.test' });
    expect(received?.to.sort()).toEqual(['ann@example.test', 'carl@example.test', 'hidden@example.test']);
    const parsed = await simpleParser(received?.raw ?? Buffer.alloc(0));
    expect(parsed.messageId).toBe(accepted.messageIdHeader);
    expect(parsed.subject).toBe('STARTTLS and AUTH');
    expect(parsed.from?.value).toEqual([{ address: 'notifications@contoso.test', name: 'Contoso Notifications' }]);
    expect(parsed.text?.trim()).toBe('Plain body ✓');
    expect(parsed.html).toContain('<p>HTML body ✓</p>');
    expect(parsed.headers.get('bcc')).toBeUndefined();
    expect(parsed.attachments[0]?.filename).toBe('report.bin');
    expect(Buffer.compare(parsed.attachments[0]?.content ?? Buffer.alloc(0), attachment)).toBe(0);
    expect(row.providerMessageId).toBe('SINK1');
    expect(row.attemptLog).toHaveLength(1);
    expect(row.attemptLog[0]).toMatchObject({ outcome: 'sent', code: '250 2.0.0', transport: 'smtp' });
  });

  it('Use SSL not ticked, no credential: plain text when the server offers no STARTTLS', async () => {
    sink = await startSmtpSink({ starttls: false });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'none',
      senderAddress: 'notifications@contoso.test',
    });
    const accepted = await sendOne('Plain text relay');
    worker = startOutboxWorker(FAST);
    await waitFor('the message to be sent', async () => (await messageState(accepted.id)).state === 'sent');
    expect(sink.messages[0]).toMatchObject({ secure: false, user: undefined });
    const parsed = await simpleParser(sink.messages[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe('Plain text relay');
    expect(parsed.messageId).toBe(accepted.messageIdHeader);
  });

  it('never falls back to plain text when Use SSL requires STARTTLS and none is offered: Failed, explained', async () => {
    sink = await startSmtpSink({ starttls: false });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      useSsl: 'on',
      smtpAuth: 'none',
      senderAddress: 'notifications@contoso.test',
    });
    const accepted = await sendOne('Must not leave in clear');
    worker = startOutboxWorker(FAST);
    const row = await waitFor('the message to fail', async () => {
      const state = await messageState(accepted.id);
      return state.state === 'failed' ? state : undefined;
    });
    expect(sink.messages).toHaveLength(0);
    expect(row.attemptLog).toHaveLength(1);
    expect(row.attemptLog[0]).toMatchObject({
      code: 'NO_STARTTLS',
      answer: expect.stringMatching(/does not offer STARTTLS, and Use SSL requires TLS/),
    });
  });

  it('sends over TLS from the first byte (Use SSL with the advanced option on a port other than 465) without AUTH', async () => {
    sink = await startSmtpSink({ implicitTls: true });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      useSsl: 'on',
      implicitTls: 'on',
      smtpAuth: 'none',
      senderAddress: 'notifications@contoso.test',
    });
    const accepted = await sendOne('Implicit TLS');
    worker = startOutboxWorker(FAST);
    await waitFor('the message to be sent', async () => (await messageState(accepted.id)).state === 'sent');
    expect(sink.messages[0]?.secure).toBe(true);
  });

  it('retries a 4xx answer and stops at a 5xx one', async () => {
    const replies = [
      { code: 451, text: '4.4.1 Try again later' },
      { code: 554, text: '5.7.1 Message refused by policy' },
    ];
    sink = await startSmtpSink({ reject: () => replies.shift() ?? null });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'none',
      senderAddress: 'notifications@contoso.test',
    });
    const accepted = await sendOne('Refused');
    worker = startOutboxWorker({ ...FAST, policy: { ...FAST.policy } });
    const row = await waitFor('the message to fail', async () => {
      const state = await messageState(accepted.id);
      return state.state === 'failed' ? state : undefined;
    });
    expect(row.attemptLog.map((a) => [a.outcome, a.code])).toEqual([
      ['retry', '451 4.4.1'],
      ['failed', '554 5.7.1'],
    ]);
    expect(row.lastError).toMatch(/5\.7\.1 Message refused by policy/);
    expect(sink.messages).toHaveLength(0);
  });
});
