import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { getWatchedStates } from './get-watched-states';
import type { NotificationEvent } from './notification-event';
import { sendNotification } from './send-notification';

/**
 * Compares what is watched with the last known states, and notifies each change once: a change is claimed with one
 * conditional write (create for a first sighting, UPDATE … WHERE state = previous otherwise), so of several instances
 * checking at once exactly one sends it. Returns the events this call sent.
 */
export async function checkNotifications(now = new Date()): Promise<NotificationEvent[]> {
  const [watched, known] = await Promise.all([getWatchedStates(now), db().notificationState.findMany()]);
  const previous = new Map(known.map((row) => [row.key, row.state]));
  const sent: NotificationEvent[] = [];
  for (const item of watched) {
    const before = previous.get(item.key);
    if (before === item.state) continue;
    let claimed: boolean;
    if (before === undefined) {
      try {
        await db().notificationState.create({ data: { key: item.key, state: item.state, changedAt: now } });
        claimed = item.state !== 'ok';
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        claimed = false;
      }
    } else {
      const { count } = await db().notificationState.updateMany({
        where: { key: item.key, state: before },
        data: { state: item.state, changedAt: now },
      });
      claimed = count === 1;
    }
    if (!claimed) continue;
    await sendNotification(item.event);
    sent.push(item.event);
  }
  return sent;
}
