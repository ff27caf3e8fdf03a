import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import {
  NOTIFICATION_RETRY_DELAYS_MS,
  retryNotificationWebhooks,
} from '@/lib/notifications/retry-notification-webhooks';
import { notificationSettingsSchema } from '@/lib/notifications/notification-settings-schema';
import { saveNotificationSettings } from '@/lib/notifications/save-notification-settings';
import { sendNotification } from '@/lib/notifications/send-notification';
import { verifyWebhookSignature } from '@/lib/robot/verify-webhook-signature';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { startWebhookReceiver, type WebhookReceiver } from '../robot/support/webhook-receiver';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'error';

// A change of state is notified once; a webhook receiver that is down at that moment must still hear of it. Real
// HTTP receiver on loopback answering 503 then 200, the clock passed in.

const SECRET = 'notification-webhook-secret-0123456789';
const EVENT = {
  event: 'connection.needs_reauth',
  subject: 'Connection “Mail” needs re-authentication',
  text: 'Run Setup Authentication.',
  data: { connectionId: 'c1' },
};

describe('notification webhooks are tried again until the receiver takes them (SQLite)', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
    database = await useFreshDatabase('sqlite');
    receiver = await startWebhookReceiver();
    const input = notificationSettingsSchema.parse({
      webhookEnabled: 'on',
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
    });
    expect(await saveNotificationSettings(input, 'admin@switchboard.test')).toEqual({ ok: true });
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.cleanup();
  });

  it('a 503 is tried again when due, with the same body and delivery id, by exactly one of several instances', async () => {
    receiver.respondWith(503, 502);
    const [first] = await sendNotification(EVENT);
    expect(first).toMatchObject({ channel: 'webhook', ok: false, detail: expect.stringContaining('HTTP 503') });
    const row = await db().notificationLog.findFirstOrThrow({ where: { channel: 'webhook' } });
    expect(row).toMatchObject({ outcome: 'retrying', attempts: 1 });

    // Not due yet: nothing happens.
    expect(await retryNotificationWebhooks()).toBe(0);
    expect(receiver.requests).toHaveLength(1);

    // Due: three instances at once, one call.
    const due = new Date(Date.now() + NOTIFICATION_RETRY_DELAYS_MS[0] + 1000);
    const tried = await Promise.all([
      retryNotificationWebhooks(due),
      retryNotificationWebhooks(due),
      retryNotificationWebhooks(due),
    ]);
    expect(tried.reduce((a, b) => a + b, 0)).toBe(1);
    expect(receiver.requests).toHaveLength(2);
    expect(await db().notificationLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      outcome: 'retrying',
      attempts: 2,
      detail: expect.stringContaining('HTTP 502'),
    });

    const later = new Date(Date.now() + NOTIFICATION_RETRY_DELAYS_MS[1] + 1000);
    expect(await retryNotificationWebhooks(later)).toBe(1);
    expect(await db().notificationLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      outcome: 'delivered',
      attempts: 3,
      detail: 'HTTP 200 (try 3)',
      nextAttemptAt: null,
    });

    const [a, b, c] = receiver.requests;
    expect(new Set([a, b, c].map((r) => r?.body)).size).toBe(1);
    expect(new Set([a, b, c].map((r) => r?.headers['x-switchboard-delivery'])).size).toBe(1);
    for (const r of [a, b, c]) {
      expect(
        verifyWebhookSignature(
          SECRET,
          {
            signature: String(r?.headers['x-switchboard-signature']),
            timestamp: String(r?.headers['x-switchboard-timestamp']),
          },
          r?.body ?? '',
        ),
      ).toEqual({ ok: true });
    }
    expect(JSON.parse(a?.body ?? '{}')).toMatchObject({
      event: 'connection.needs_reauth',
      data: { connectionId: 'c1' },
    });
    expect(await retryNotificationWebhooks(new Date(Date.now() + 86_400_000))).toBe(0);
  });

  it('gives up after the last try, and the test button is never retried', async () => {
    receiver.respondWith(...Array.from({ length: NOTIFICATION_RETRY_DELAYS_MS.length + 1 }, () => 500), 500);
    await sendNotification({ ...EVENT, event: 'outbox.failed' });
    const id = (await db().notificationLog.findFirstOrThrow({ where: { event: 'outbox.failed' } })).id;
    let clock = Date.now();
    for (const wait of NOTIFICATION_RETRY_DELAYS_MS) {
      clock += wait + 1000;
      expect(await retryNotificationWebhooks(new Date(clock))).toBe(1);
    }
    expect(await db().notificationLog.findUniqueOrThrow({ where: { id } })).toMatchObject({
      outcome: 'failed',
      attempts: NOTIFICATION_RETRY_DELAYS_MS.length + 1,
      detail: expect.stringContaining('given up'),
    });

    const before = receiver.requests.length;
    const [test] = await sendNotification({ ...EVENT, event: 'notification.test' }, 'webhook');
    expect(test?.ok).toBe(false);
    expect(await db().notificationLog.findFirstOrThrow({ where: { event: 'notification.test' } })).toMatchObject({
      outcome: 'failed',
      nextAttemptAt: null,
    });
    expect(receiver.requests).toHaveLength(before + 1);
  });

  it('never follows a webhook URL changed to another host', async () => {
    receiver.respondWith(503);
    await sendNotification({ ...EVENT, event: 'robot.failing' });
    const id = (await db().notificationLog.findFirstOrThrow({ where: { event: 'robot.failing' } })).id;
    const input = notificationSettingsSchema.parse({
      webhookEnabled: 'on',
      webhookUrl: receiver.url.replace('127.0.0.1', '127.0.0.2'),
    });
    expect(await saveNotificationSettings(input, 'admin@switchboard.test')).toEqual({ ok: true });
    const before = receiver.requests.length;
    expect(await retryNotificationWebhooks(new Date(Date.now() + 86_400_000))).toBe(0);
    expect(receiver.requests).toHaveLength(before);
    expect(await db().notificationLog.findUniqueOrThrow({ where: { id } })).toMatchObject({
      outcome: 'failed',
      detail: 'The webhook URL now names another host: not tried again.',
    });
  });
});
