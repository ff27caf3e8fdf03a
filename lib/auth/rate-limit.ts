import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';

// Fixed windows kept in the database, so the limit holds across restarts and across instances. An attempt is
// reserved before the work it limits (a password check) runs: each step below is one conditional statement, so
// requests arriving together cannot all read "under the limit" and then all proceed (check-then-act).

export interface RateLimitRule {
  key: string;
  limit: number;
  windowMs: number;
}

export const LOGIN_LIMITS = {
  perAccount: { limit: 5, windowMs: 15 * 60_000 },
  perAddress: { limit: 20, windowMs: 15 * 60_000 },
};

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Takes one attempt from the rule's window, or says how long until one is free. Atomic across instances. */
export async function reserveAttempt(rule: RateLimitRule): Promise<Reservation> {
  const now = new Date();
  const resetAt = new Date(now.getTime() + rule.windowMs);
  const take = () =>
    db().rateLimitBucket.updateMany({
      where: { key: rule.key, count: { lt: rule.limit }, resetAt: { gt: now } },
      data: { count: { increment: 1 } },
    });
  // A window that exists and is running: one statement (a relay client's rate is taken per message).
  if ((await take()).count === 1) return { ok: true };
  try {
    await db().rateLimitBucket.upsert({
      where: { key: rule.key },
      create: { key: rule.key, count: 0, resetAt },
      update: {},
    });
  } catch (error) {
    // Two first attempts at once: the other one created the row, which is all this step needs.
    if (!isUniqueViolation(error)) throw error;
  }
  // An expired window starts again; the new resetAt makes a second, concurrent restart match no row.
  await db().rateLimitBucket.updateMany({
    where: { key: rule.key, resetAt: { lte: now } },
    data: { count: 0, resetAt },
  });
  if ((await take()).count === 1) return { ok: true };
  const bucket = await db().rateLimitBucket.findUnique({ where: { key: rule.key } });
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil(((bucket?.resetAt.getTime() ?? now.getTime()) - Date.now()) / 1000)),
  };
}

/** Whether the rule's window is used up now (a read: for a caller that already knows the password is right). */
export async function isExhausted(rule: RateLimitRule): Promise<boolean> {
  const bucket = await db().rateLimitBucket.findUnique({ where: { key: rule.key } });
  return Boolean(bucket && bucket.count >= rule.limit && bucket.resetAt.getTime() > Date.now());
}

/** Gives back an attempt that turned out not to count (a successful sign-in from a shared address). */
export async function releaseAttempt(key: string): Promise<void> {
  await db().rateLimitBucket.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export async function clearAttempts(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}
