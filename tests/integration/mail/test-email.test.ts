import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { failInterruptedTests } from '@/lib/mail/outbox/fail-interrupted-tests';
import { resendOutboxMessage } from '@/lib/mail/outbox/resend-outbox-message';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { type OutboxWorker, startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { messageState } from './support/message-state';
import { saveSettings } from './support/save-settings';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';
import { testEmailInput } from './support/test-email-input';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Issue 10 §3: a test is a test. One attempt inside the request, recorded in the Outbox as a test with its answer,
// never queued, retried or claimed by the worker (also not after email is turned off). And issue 11 finding 3: the
// stored Basic password only goes to the SMTP server it was stored for.

const FAST = { pollIntervalMs: 30, policy: { retryBaseMs: 50, retryMaxMs: 100, leaseMs: 5000 } };
const PASSWORD = 'relay password 1';

describe('Send test email: one attempt, never retried (SQLite)', () => {
  let database: TestDatabase;
  let worker: OutboxWorker | undefined;
  const sinks: SmtpSink[] = [];
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await Promise.all(sinks.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
    const started = await startSmtpSink(options);
    sinks.push(started);
    return started;
  }

  /**
   * An ordinary message, accepted after the test one and sent by a worker through the saved settings. The worker
   * claims due messages oldest first, so the claim that took the ordinary one would have taken a claimable test first.
   */
  async function workerHasPolled(port: number) {
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${port}`,
      smtpAuth: 'none',
      senderAddress: 'outbox@contoso.test',
    });
    const ordinary = await enqueueMessage({
      source: 'api',
      from: { address: 'outbox@contoso.test', name: '' },
      to: [{ address: 'ann@example.test', name: '' }],
      subject: 'ordinary',
      text: 'x',
    });
    worker = startOutboxWorker(FAST);
    await waitFor('the ordinary message to be sent', async () => (await messageState(ordinary.id)).state === 'sent');
  }

  it('a refused test email makes one attempt, shows the answer and leaves nothing queued or retrying, with email turned off', async () => {
    const refusing = await sink({ reject: () => ({ code: 451, text: '4.4.1 Try again later' }) });
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'smtp',
        smtpServer: `127.0.0.1:${refusing.port}`,
        smtpAuth: 'none',
        senderAddress: 'alerts@contoso.test',
        testRecipient: 'ops@contoso.test',
      }),
      'admin@switchboard.test',
    );
    if (!sent.ok) throw new Error(JSON.stringify(sent.fieldErrors));
    expect(sent.result).toMatchObject({
      state: 'failed',
      outcome: { code: '451 4.4.1', answer: 'DATA: 451 4.4.1 Try again later' },
    });
    const row = await messageState(sent.result.messageId);
    expect(row).toMatchObject({
      source: 'test',
      state: 'failed',
      attempts: 1,
      lastError: 'DATA: 451 4.4.1 Try again later',
      leaseOwner: null,
      transportOverride: null,
    });
    expect(row.attemptLog).toHaveLength(1);
    expect(row.attemptLog[0]).toMatchObject({ outcome: 'failed', code: '451 4.4.1', finishedAt: expect.any(Date) });

    const accepting = await sink();
    await workerHasPolled(accepting.port);
    expect(await messageState(sent.result.messageId)).toMatchObject({
      state: 'failed',
      attempts: 1,
      attemptLog: [expect.objectContaining({ outcome: 'failed' })],
    });
    expect(refusing.messages).toHaveLength(0);
    expect(await db().outboundMessage.count({ where: { source: 'test', state: { in: ['queued', 'sending'] } } })).toBe(
      0,
    );
    expect(await resendOutboxMessage(sent.result.messageId)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Send test email on the Emails page/),
    });
  });

  it('a test whose request died is never taken over by the worker; it ends Failed', async () => {
    const accepting = await sink();
    const orphan = await enqueueMessage({
      source: 'test',
      from: { address: 'alerts@contoso.test', name: '' },
      to: [{ address: 'ops@contoso.test', name: '' }],
      subject: 'Switchboard test email',
      text: 'x',
      claimFor: { owner: 'console-test:gone', leaseMs: 1 },
    });
    await workerHasPolled(accepting.port);
    expect(await messageState(orphan.id)).toMatchObject({ state: 'sending', attempts: 1, attemptLog: [] });
    expect(accepting.messages.map((m) => m.to)).not.toContainEqual(['ops@contoso.test']);
    expect(await failInterruptedTests()).toBe(1);
    expect(await messageState(orphan.id)).toMatchObject({ state: 'failed', lastErrorCode: 'INTERRUPTED' });
  });

  it('a blank password is the stored one only for the SMTP server it was stored for, on Send test email and on Done', async () => {
    const saved = await sink({ auth: { user: 'relay', pass: PASSWORD } });
    const elsewhere = await sink({ auth: { user: 'relay', pass: PASSWORD } });
    const basic = {
      connectionType: 'smtp',
      smtpAuth: 'basic',
      username: 'relay',
      senderAddress: 'alerts@contoso.test',
    };
    await saveSettings({ ...basic, smtpServer: `127.0.0.1:${saved.port}`, password: PASSWORD });

    const test = (smtpServer: string) =>
      sendTestEmail(
        testEmailInput({ ...basic, smtpServer, testRecipient: 'ops@contoso.test' }),
        'admin@switchboard.test',
      );
    expect(await test(`127.0.0.1:${saved.port}`)).toMatchObject({ ok: true, result: { state: 'sent' } });
    expect(saved.authAttempts).toHaveLength(1);
    expect(await test(`127.0.0.1:${elsewhere.port}`)).toEqual({
      ok: false,
      fieldErrors: { password: expect.stringMatching(/^Enter the password again/) },
    });
    expect(await test(`localhost:${saved.port}`)).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.any(String) },
    });
    expect(elsewhere.authAttempts).toHaveLength(0);
    expect(await db().outboundMessage.count({ where: { source: 'test' } })).toBe(3);

    const done = (smtpServer: string) =>
      saveEmailSettings(emailSettingsSchema.parse({ enabled: 'on', ...basic, smtpServer }), 'admin@switchboard.test');
    expect(await done(`127.0.0.1:${elsewhere.port}`)).toEqual({
      ok: false,
      fieldErrors: { password: expect.stringMatching(/^Enter the password again/) },
    });
    const moved = await saveEmailSettings(
      emailSettingsSchema.parse({
        enabled: 'on',
        ...basic,
        smtpServer: `127.0.0.1:${elsewhere.port}`,
        password: PASSWORD,
      }),
      'admin@switchboard.test',
    );
    expect(moved).toMatchObject({
      ok: true,
      destination: { from: `127.0.0.1:${saved.port}`, to: `127.0.0.1:${elsewhere.port}` },
    });
  });
});
