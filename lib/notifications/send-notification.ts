import 'server-only';
import crypto from 'node:crypto';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { loadDeliverySettings } from '@/lib/mail/settings/load-delivery-settings';
import type { NotificationEvent } from './notification-event';
import { postNotificationWebhook } from './post-notification-webhook';
import { NOTIFICATION_RETRY_DELAYS_MS } from './retry-notification-webhooks';

export type Channel = 'email' | 'webhook';

export interface ChannelResult {
  channel: Channel;
  ok: boolean;
  detail: string;
}

async function log(
  event: NotificationEvent,
  channel: Channel,
  target: string,
  ok: boolean,
  detail: string,
  outboundMessageId?: string,
) {
  await db().notificationLog.create({
    data: {
      event: event.event,
      subject: event.subject,
      channel,
      target,
      outcome: ok ? (channel === 'email' ? 'queued' : 'delivered') : 'failed',
      detail,
      outboundMessageId,
    },
  });
}

async function byEmail(event: NotificationEvent, recipients: string[]): Promise<ChannelResult> {
  const target = recipients.join(', ');
  // Through the outbox like any message: retried, and listed with its attempts. When email itself is broken it
  // waits there, and the webhook (and the console) are what tell.
  const settings = await loadDeliverySettings();
  if (!settings?.enabled || !settings.senderAddress) {
    const detail = 'Email is not set up or is turned off (Settings → Emails).';
    await log(event, 'email', target, false, detail);
    return { channel: 'email', ok: false, detail };
  }
  const accepted = await enqueueMessage({
    source: 'notification',
    from: { address: settings.senderAddress, name: settings.senderName || 'Switchboard' },
    to: recipients.map((address) => ({ address, name: '' })),
    subject: `[Switchboard] ${event.subject}`,
    text: event.text,
  });
  await log(event, 'email', target, true, `In the outbox (${accepted.messageIdHeader})`, accepted.id);
  return { channel: 'email', ok: true, detail: `Queued in the outbox for ${target}` };
}

async function byWebhook(
  event: NotificationEvent,
  url: string,
  secretCiphertext: string,
  retry: boolean,
): Promise<ChannelResult> {
  const secret = decryptSecret(secretCiphertext, 'NotificationSettings.webhookSecret', 'Notification webhook secret');
  const body = JSON.stringify({
    event: event.event,
    subject: event.subject,
    text: event.text,
    occurredAt: new Date().toISOString(),
    data: event.data,
  });
  const deliveryId = crypto.randomUUID();
  const result = await postNotificationWebhook(url, secret, event.event, body, deliveryId);
  const host = new URL(url).host;
  const detail = result.ok ? `HTTP ${result.status}` : result.error;
  // A change of state is told once; a receiver that is down for a while must still hear of it (not a test: its
  // answer is shown to the administrator who pressed the button).
  const retrying = !result.ok && retry;
  await db().notificationLog.create({
    data: {
      event: event.event,
      subject: event.subject,
      channel: 'webhook',
      target: host,
      outcome: result.ok ? 'delivered' : retrying ? 'retrying' : 'failed',
      detail,
      ...(retrying
        ? { payload: body, deliveryId, nextAttemptAt: new Date(Date.now() + (NOTIFICATION_RETRY_DELAYS_MS[0] ?? 0)) }
        : {}),
    },
  });
  return { channel: 'webhook', ok: result.ok, detail: `${host}: ${detail}${retrying ? ' (tried again later)' : ''}` };
}

/** Sends one notification on every enabled channel (or only `only`), and lists each on the Notifications page. */
export async function sendNotification(event: NotificationEvent, only?: Channel): Promise<ChannelResult[]> {
  const settings = await db().notificationSettings.findUnique({ where: { id: 'global' } });
  const results: ChannelResult[] = [];
  const recipients = (settings?.emailRecipients ?? '').split(',').filter(Boolean);
  if (settings?.emailEnabled && recipients.length > 0 && (!only || only === 'email'))
    results.push(await byEmail(event, recipients));
  if (settings?.webhookEnabled && settings.webhookUrl && settings.webhookSecret && (!only || only === 'webhook')) {
    results.push(await byWebhook(event, settings.webhookUrl, settings.webhookSecret, !only));
  }
  for (const result of results)
    if (!result.ok)
      logger.warn('notification.channel_failed', {
        event: event.event,
        channel: result.channel,
        detail: result.detail,
      });
  return results;
}
