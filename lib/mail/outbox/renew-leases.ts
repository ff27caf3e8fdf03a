import 'server-only';
import { db } from '@/lib/db/prisma';

/** Extends this worker's claims on the messages it is still sending (a slow upload must not look like a crash). */
export async function renewLeases(owner: string, ids: string[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await db().outboundMessage.updateMany({ where: { id: { in: ids }, leaseOwner: owner, state: 'sending' }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
}
