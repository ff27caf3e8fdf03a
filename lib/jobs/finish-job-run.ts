import 'server-only';
import { db } from '@/lib/db/prisma';

/** Records a run's result and gives the lease back, if this owner still holds it. */
export async function finishJobRun(name: string, owner: string, result: string, now = new Date()): Promise<void> {
  await db().jobLease.updateMany({
    where: { name, owner },
    data: { owner: null, leaseUntil: null, lastRunAt: now, lastResult: result },
  });
}
