import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { getEmailAlarm } from '@/lib/notifications/get-email-alarm';
import { notificationSettingsSchema } from '@/lib/notifications/notification-settings-schema';
import { saveNotificationSettings } from '@/lib/notifications/save-notification-settings';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { type SmtpSink, startSmtpSink } from '../mail/support/smtp-sink';
import { waitFor } from '../mail/support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'error';

// When email itself is broken, notifications by email reach nobody: the console says so (the banner on every page
// and the start page read getEmailAlarm). Real outbox, real SMTP server on loopback that refuses, then accepts.

const FAST = { pollIntervalMs: 50, policy: { retryBaseMs: 200, retryMaxMs: 400, leaseMs: 5000 } };

describe('the console says when email itself is broken (SQLite)', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let refuse = true;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    sink = await startSmtpSink({
      starttls: false,
      reject: () => (refuse ? { code: 550, text: '5.7.1 Relaying denied for this client' } : null),
    });
  });
  afterAll(async () => {
    await sink?.close();
    await database?.cleanup();
  });

  async function send(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await enqueueMessage({
        source: 'api',
        from: { address: 'notifications@contoso.test', name: '' },
        to: [{ address: `user${i}@example.test`, name: '' }],
        subject: `Alarm ${i}`,
        text: 'x',
      });
    }
    const worker = startOutboxWorker(FAST);
    await waitFor(
      'the outbox to settle',
      async () => (await db().outboundMessage.count({ where: { state: { in: ['queued', 'sending'] } } })) === 0,
    );
    await worker.stop();
  }

  it('nothing to say before email is set up, unless notifications are to go by email', async () => {
    expect(await getEmailAlarm()).toBeNull();
    const input = notificationSettingsSchema.parse({ emailEnabled: 'on', emailRecipients: 'ops@example.test' });
    expect(await saveNotificationSettings(input, 'admin@switchboard.test')).toEqual({ ok: true });
    expect(await getEmailAlarm()).toMatchObject({
      title: 'Notification emails cannot be sent: email is turned off.',
      href: '/settings/global-system-settings/emails',
    });
  });

  it('one refused recipient is not an alarm; three refused in a row are, with the server’s answer; one delivered clears it', async () => {
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'none',
      senderAddress: 'notifications@contoso.test',
    });
    expect(await getEmailAlarm()).toBeNull();
    await send(1);
    expect(await db().outboundMessage.count({ where: { state: 'failed' } })).toBe(1);
    expect(await getEmailAlarm()).toBeNull();
    await send(2);
    const alarm = await getEmailAlarm();
    expect(alarm?.title).toBe(
      'Email is not being delivered: 3 messages refused or waiting, nothing was delivered yet.',
    );
    expect(alarm?.detail).toContain('5.7.1 Relaying denied for this client');
    expect(alarm?.href).toBe('/outbox');

    refuse = false;
    await send(1);
    expect(sink.messages).toHaveLength(1);
    expect(await getEmailAlarm()).toBeNull();
  });

  it('a due message waiting longer than the stall threshold (no worker sending) is an alarm', async () => {
    await enqueueMessage({
      source: 'api',
      from: { address: 'notifications@contoso.test', name: '' },
      to: [{ address: 'late@example.test', name: '' }],
      subject: 'Waiting',
      text: 'x',
    });
    expect(await getEmailAlarm()).toBeNull();
    const later = new Date(Date.now() + 10 * 60_000);
    expect((await getEmailAlarm(later))?.title).toBe(
      'Email is not being sent: the oldest due message has waited 10 minutes.',
    );
  });

  it('the Email settings’ connection needing re-authentication is an alarm that names it', async () => {
    const tenant = await db().tenant.create({
      data: {
        name: 'Alarm tenant',
        directoryId: 'contoso.onmicrosoft.com',
        clientId: '22222222-2222-2222-2222-222222222222',
      },
    });
    await ensureBuiltInServices();
    const service = await db().service.findFirstOrThrow({ where: { authType: 'delegated' } });
    const connection = await db().serviceConnection.create({
      data: { name: 'Mail sender', tenantId: tenant.id, serviceId: service.id, state: 'needs_reauth' },
    });
    await db().emailSettings.update({
      where: { id: 'global' },
      data: { connectionType: 'graph', connectionId: connection.id },
    });
    expect(await getEmailAlarm()).toMatchObject({
      title:
        'Email is not being sent: the Service Connection “Mail sender” of the Email settings needs re-authentication.',
      href: `/integration/service-connections/connections/${connection.id}`,
    });
  });
});
