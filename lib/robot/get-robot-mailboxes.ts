import 'server-only';
import { db } from '@/lib/db/prisma';

/** Every robot mailbox for the E-mail Robot list, with its state; never a secret. */
export function getRobotMailboxes() {
  return db().robotMailbox.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      mailboxAddress: true,
      folder: true,
      enabled: true,
      lastPollAt: true,
      lastSuccessAt: true,
      messagesSeen: true,
      lastError: true,
      throttledUntil: true,
      connection: { select: { id: true, name: true, accountUsername: true } },
    },
  });
}
