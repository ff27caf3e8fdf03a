import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { takeRowLease } from '@/lib/db/row-lease';

/**
 * Takes (or renews) the lease on a background job until now + leaseMs, a row lease (lib/db/row-lease.ts): of several
 * instances asking at once, exactly one gets it while it is held. The job's row is created on first use.
 */
export async function takeJobLease(name: string, owner: string, leaseMs: number, now = new Date()): Promise<boolean> {
  try {
    await db().jobLease.create({ data: { name } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // The holder renews by taking it again (the retention job does between batches).
  const until = await takeRowLease(
    leaseMs,
    ({ free, until }) =>
      db().jobLease.updateMany({ where: { name, OR: [{ owner }, ...free.OR] }, data: { owner, leaseUntil: until } }),
    now,
  );
  return until !== null;
}
