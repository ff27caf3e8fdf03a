import 'server-only';
import { db } from '@/lib/db/prisma';

/**
 * The remote answered the delivery `grantId` allowed: it stops counting as under way, and counts against the window
 * from now (after the remote counted it, never before).
 */
export async function finishPaceGrant(grantId: string): Promise<void> {
  await db().paceGrant.updateMany({ where: { id: grantId, finishedAt: null }, data: { finishedAt: new Date() } });
}
