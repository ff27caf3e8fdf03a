import 'server-only';
import { db } from '@/lib/db/prisma';

// Fixed windows kept in the database, so the limit holds across restarts and across instances.

export interface RateLimitRule {
  key: string;
  limit: number;
  windowMs: number;
}

export const LOGIN_LIMITS = {
  perAccount: { limit: 5, windowMs: 15 * 60_000 },
  perAddress: { limit: 20, windowMs: 15 * 60_000 },
};

/** Seconds until the rule allows another attempt, or 0 when it allows one now. */
export async function retryAfterSeconds(rule: RateLimitRule): Promise<number> {
  const bucket = await db().rateLimitBucket.findUnique({ where: { key: rule.key } });
  if (!bucket || bucket.resetAt.getTime() <= Date.now() || bucket.count < rule.limit) return 0;
  return Math.ceil((bucket.resetAt.getTime() - Date.now()) / 1000);
}

export async function countAttempt(rule: RateLimitRule): Promise<void> {
  const now = new Date();
  const resetAt = new Date(now.getTime() + rule.windowMs);
  await db().$transaction(async (tx) => {
    const bucket = await tx.rateLimitBucket.findUnique({ where: { key: rule.key } });
    if (!bucket || bucket.resetAt <= now) {
      await tx.rateLimitBucket.upsert({ where: { key: rule.key }, create: { key: rule.key, count: 1, resetAt }, update: { count: 1, resetAt } });
    } else {
      await tx.rateLimitBucket.update({ where: { key: rule.key }, data: { count: { increment: 1 } } });
    }
  });
}

export async function clearAttempts(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}
