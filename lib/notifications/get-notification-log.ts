import 'server-only';
import { db } from '@/lib/db/prisma';

/** The latest notifications, newest first, for the Notifications page. */
export async function getNotificationLog(take = 100) {
  return db().notificationLog.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      createdAt: true,
      event: true,
      subject: true,
      channel: true,
      target: true,
      outcome: true,
      detail: true,
      nextAttemptAt: true,
    },
  });
}
