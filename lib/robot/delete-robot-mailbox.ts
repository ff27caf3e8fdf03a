import 'server-only';
import { db } from '@/lib/db/prisma';

export type DeleteRobotMailboxResult = { ok: true; name: string; messages: number } | { ok: false; message: string };

/** Stops watching a mailbox and drops the messages stored for it; nothing changes in the mailbox itself. */
export async function deleteRobotMailbox(id: string): Promise<DeleteRobotMailboxResult> {
  const mailbox = await db().robotMailbox.findUnique({
    where: { id },
    select: { name: true, _count: { select: { messages: true } } },
  });
  if (!mailbox) return { ok: false, message: 'This robot mailbox no longer exists.' };
  await db().robotMailbox.delete({ where: { id } });
  return { ok: true, name: mailbox.name, messages: mailbox._count.messages };
}
