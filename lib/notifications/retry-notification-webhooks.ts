import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { postNotificationWebhook } from './post-notification-webhook';

/** After the first failed call, the waits before each further try: six tries over about two and a half hours. */
export const NOTIFICATION_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000] as const;
/** A claimed retry is hidden from other instances for longer than one call can take (15 s timeout). */
const CLAIM_MS = 60_000;
const BATCH = 20;

/**
 * Tries again the webhook notifications whose call failed, with the body and delivery id of the first try, to the
 * webhook as it is saved now: only while it is on and still on the same host (a notification never follows a host
 * an administrator changed to). Each row is claimed with one conditional UPDATE, so of several instances exactly one
 * sends it. Returns how many were tried.
 */
export async function retryNotificationWebhooks(now = new Date()): Promise<number> {
  const due = await db().notificationLog.findMany({
    where: { outcome: 'retrying', nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH,
    select: {
      id: true,
      event: true,
      target: true,
      attempts: true,
      payload: true,
      deliveryId: true,
      nextAttemptAt: true,
    },
  });
  if (due.length === 0) return 0;
  const settings = await db().notificationSettings.findUnique({
    where: { id: 'global' },
    select: { webhookEnabled: true, webhookUrl: true, webhookSecret: true },
  });
  let tried = 0;
  for (const row of due) {
    const { count } = await db().notificationLog.updateMany({
      where: { id: row.id, outcome: 'retrying', nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
    });
    if (count !== 1) continue;
    const stop = (detail: string) =>
      db().notificationLog.update({ where: { id: row.id }, data: { outcome: 'failed', detail, nextAttemptAt: null } });
    if (!settings?.webhookEnabled || !settings.webhookUrl || !settings.webhookSecret) {
      await stop('The webhook channel was turned off: not tried again.');
      continue;
    }
    if (new URL(settings.webhookUrl).host !== row.target || !row.payload || !row.deliveryId) {
      await stop('The webhook URL now names another host: not tried again.');
      continue;
    }
    tried += 1;
    const secret = decryptSecret(
      settings.webhookSecret,
      'NotificationSettings.webhookSecret',
      'Notification webhook secret',
    );
    const result = await postNotificationWebhook(settings.webhookUrl, secret, row.event, row.payload, row.deliveryId);
    const attempts = row.attempts + 1;
    if (result.ok) {
      await db().notificationLog.update({
        where: { id: row.id },
        data: {
          outcome: 'delivered',
          detail: `HTTP ${result.status} (try ${attempts})`,
          attempts,
          nextAttemptAt: null,
        },
      });
      continue;
    }
    const wait = NOTIFICATION_RETRY_DELAYS_MS[attempts - 1];
    await db().notificationLog.update({
      where: { id: row.id },
      data:
        wait === undefined
          ? { outcome: 'failed', detail: `${result.error} (try ${attempts}, given up)`, attempts, nextAttemptAt: null }
          : { detail: `${result.error} (try ${attempts})`, attempts, nextAttemptAt: new Date(Date.now() + wait) },
    });
    if (wait === undefined)
      logger.warn('notification.webhook_given_up', { event: row.event, attempts, detail: result.error });
  }
  return tried;
}
