import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { checkNotifications } from '@/lib/notifications/check-notifications';
import { notificationSettingsSchema } from '@/lib/notifications/notification-settings-schema';
import { saveNotificationSettings } from '@/lib/notifications/save-notification-settings';
import { sendNotification } from '@/lib/notifications/send-notification';
import { resetEnvForTests } from '@/lib/env';
import { verifyWebhookSignature } from '@/lib/robot/verify-webhook-signature';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { ADELE, createSandboxConnection, signInConnection, startTestSandbox } from '../../support/sandbox-connection';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { waitFor } from '../mail/support/wait-for';
import { MEGAN } from '../robot/support/robot-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from '../robot/support/webhook-receiver';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// The acceptance of Settings → Notifications: Microsoft revokes a sign-in (the sandbox), and the administrators get
// one email, read back from the sandbox mailbox, and one signed webhook call; another of each when the connection is
// authenticated again; nothing more while the state stays, however often (and from however many callers) it is checked.

const OPS = 'ops-team@example.com';
const SECRET = 'notification-webhook-secret-0123456789';

describe('notifications of a revoked and restored sign-in', () => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  let watched = '';
  beforeAll(async () => {
    // The receiver runs on loopback, which the webhook guard refuses unless the operator allows it.
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
    database = await useFreshDatabase('sqlite');
    sandbox = await startTestSandbox();
    receiver = await startWebhookReceiver();
    // Email leaves through Adele's Graph connection; the connection that breaks is Megan's.
    const { connectionId: mail } = await createSandboxConnection(sandbox, 'graph-mail');
    expect((await signInConnection(mail, ADELE)).outcome.ok).toBe(true);
    await saveSettings({
      connectionType: 'graph',
      connectionId: mail,
      senderAddress: ADELE.username,
      senderName: 'Switchboard',
    });
    watched = (await createSandboxConnection(sandbox, 'graph-mail')).connectionId;
    expect((await signInConnection(watched, MEGAN)).outcome.ok).toBe(true);
    const input = notificationSettingsSchema.parse({
      emailEnabled: 'on',
      emailRecipients: OPS,
      webhookEnabled: 'on',
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
    });
    expect(await saveNotificationSettings(input, 'admin@switchboard.test')).toEqual({ ok: true });
  });
  afterAll(async () => {
    await receiver?.close();
    await sandbox?.close();
    await database?.cleanup();
  });

  async function deliverOutbox(): Promise<void> {
    const worker = startOutboxWorker({ pollIntervalMs: 50 });
    await waitFor(
      'the outbox to be empty',
      async () => (await db().outboundMessage.count({ where: { state: { in: ['queued', 'sending'] } } })) === 0,
    );
    await worker.stop();
  }

  function verified(index: number) {
    const call = receiver.requests[index];
    if (!call) throw new Error(`no webhook call ${index}`);
    const signature = {
      signature: String(call.headers['x-switchboard-signature']),
      timestamp: String(call.headers['x-switchboard-timestamp']),
    };
    expect(verifyWebhookSignature(SECRET, signature, call.body)).toEqual({ ok: true });
    return JSON.parse(call.body) as { event: string; data: { connectionId: string } };
  }

  it('says nothing about healthy things seen for the first time', async () => {
    expect(await checkNotifications()).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('a revoked sign-in: one email and one signed webhook call, however often it is checked', async () => {
    sandbox.control.revokeRefreshTokens(MEGAN.username);
    const refused = await getAccessToken(watched, { forceRefresh: true });
    expect(refused).toMatchObject({ ok: false, reason: 'needs_reauth' });

    const checks = await Promise.all([checkNotifications(), checkNotifications(), checkNotifications()]);
    expect(checks.flat().map((e) => e.event)).toEqual(['connection.needs_reauth']);
    expect(await checkNotifications()).toEqual([]);
    await deliverOutbox();

    const mails = sandbox.control.readMailbox(OPS);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/needs re-authentication/);
    expect(mails[0]?.text).toContain('Setup Authentication');
    expect(receiver.requests).toHaveLength(1);
    expect(verified(0)).toMatchObject({ event: 'connection.needs_reauth', data: { connectionId: watched } });
    expect(receiver.requests[0]?.headers['x-switchboard-event']).toBe('connection.needs_reauth');
  });

  it('re-authenticated: one more of each, then nothing while it works', async () => {
    expect((await signInConnection(watched, MEGAN)).outcome.ok).toBe(true);
    expect((await checkNotifications()).map((e) => e.event)).toEqual(['connection.recovered']);
    expect(await checkNotifications()).toEqual([]);
    await deliverOutbox();
    const mails = sandbox.control.readMailbox(OPS);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject).sort()[1]).toMatch(/works again/);
    expect(receiver.requests).toHaveLength(2);
    expect(verified(1)).toMatchObject({ event: 'connection.recovered' });

    const log = await db().notificationLog.findMany({ orderBy: { createdAt: 'asc' } });
    expect(log.map((l) => [l.event, l.channel])).toEqual([
      ['connection.needs_reauth', 'email'],
      ['connection.needs_reauth', 'webhook'],
      ['connection.recovered', 'email'],
      ['connection.recovered', 'webhook'],
    ]);
    expect(JSON.stringify(log)).not.toContain(SECRET);
  });

  it('the test button of each channel sends on that channel only', async () => {
    const before = receiver.requests.length;
    const results = await sendNotification(
      { event: 'notification.test', subject: 'Test notification', text: 'A test.', data: {} },
      'webhook',
    );
    expect(results).toEqual([{ channel: 'webhook', ok: true, detail: expect.stringContaining('HTTP 200') }]);
    expect(receiver.requests).toHaveLength(before + 1);
    expect(verified(before)).toMatchObject({ event: 'notification.test' });
  });

  it('a webhook on a non-public address is refused at the field and never called, unless the operator allows it', async () => {
    const before = receiver.requests.length;
    delete process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS;
    resetEnvForTests();
    try {
      const input = notificationSettingsSchema.parse({
        emailEnabled: 'on',
        emailRecipients: OPS,
        webhookEnabled: 'on',
        webhookUrl: receiver.url,
        webhookSecret: SECRET,
      });
      const saved = await saveNotificationSettings(input, 'admin@switchboard.test');
      expect(saved).toMatchObject({
        ok: false,
        fieldErrors: { webhookUrl: expect.stringContaining('SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS') },
      });
      // Saved earlier while allowed: the guard at send time refuses it all the same.
      const results = await sendNotification(
        { event: 'notification.test', subject: 'Test notification', text: 'A test.', data: {} },
        'webhook',
      );
      expect(results).toEqual([{ channel: 'webhook', ok: false, detail: expect.stringContaining('Refused') }]);
      expect(receiver.requests).toHaveLength(before);
    } finally {
      process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
      resetEnvForTests();
    }
  });
});
