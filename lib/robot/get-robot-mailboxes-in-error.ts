import 'server-only';
import { db } from '@/lib/db/prisma';

/** Enabled robot mailboxes whose last poll or hand-off failed, most recent first. */
export async function getRobotMailboxesInError() {
  return db().robotMailbox.findMany({
    where: { enabled: true, lastError: { not: null } },
    orderBy: { lastErrorAt: 'desc' },
    take: 10,
    select: { id: true, name: true, lastError: true, lastErrorAt: true },
  });
}
