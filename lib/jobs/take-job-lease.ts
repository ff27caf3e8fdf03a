import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';

/**
 * Takes (or renews) the lease on a background job until now + leaseMs, in one conditional UPDATE: of several
 * instances asking at once, exactly one gets it while it is held. The job's row is created on first use.
 */
export async function takeJobLease(name: string, owner: string, leaseMs: number, now = new Date()): Promise<boolean> {
  try {
    await db().jobLease.create({ data: { name } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const { count } = await db().jobLease.updateMany({
    where: { name, OR: [{ owner }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { owner, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}
