import 'server-only';
import { db } from '@/lib/db/prisma';

export type DeleteOutboxResult = { ok: true; subject: string } | { ok: false; message: string };

/** Deletes a message with its attempts and attachments; refused while a worker is sending it. */
export async function deleteOutboxMessage(id: string): Promise<DeleteOutboxResult> {
  const row = await db().outboundMessage.findUnique({
    where: { id },
    select: { subject: true, state: true, leaseUntil: true },
  });
  if (!row) return { ok: false, message: 'This message no longer exists.' };
  const now = new Date();
  if (row.state === 'sending' && row.leaseUntil && row.leaseUntil > now)
    return { ok: false, message: 'This message is being sent right now; try again in a moment.' };
  const { count } = await db().outboundMessage.deleteMany({
    where: { id, OR: [{ state: { not: 'sending' } }, { leaseUntil: { lte: now } }] },
  });
  if (count === 0) return { ok: false, message: 'This message is being sent right now; try again in a moment.' };
  return { ok: true, subject: row.subject };
}
