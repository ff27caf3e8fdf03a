import { db } from '@/lib/db/prisma';

/** The message's row with its attempts, in order. */
export function messageState(id: string) {
  return db().outboundMessage.findUniqueOrThrow({
    where: { id },
    include: { attemptLog: { orderBy: { number: 'asc' } } },
  });
}
