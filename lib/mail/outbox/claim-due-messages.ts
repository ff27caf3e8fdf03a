import 'server-only';
import { postgresSchema, quoteIdentifier, resolveDatabaseConfig } from '@/lib/db/database-config';
import { db } from '@/lib/db/prisma';

export interface ClaimedMessage {
  id: string;
  /** Attempts in this round, this one included. */
  attempts: number;
}

/** Queued and due, or "sending" under a claim that ran out (its worker died): both may be taken. Never a test email:
 * its request makes its one attempt (send-test-email.ts). */
function dueWhere(now: Date, exclude: string[]) {
  return {
    source: { not: 'test' },
    OR: [
      { state: 'queued', nextAttemptAt: { lte: now } },
      { state: 'sending', leaseUntil: { lt: now } },
    ],
    ...(exclude.length ? { id: { notIn: exclude } } : {}),
  };
}

/**
 * Claims up to `limit` due messages for `owner` until now + leaseMs, in one conditional UPDATE, so that of several
 * workers (processes, instances) exactly one gets each message. PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent
 * workers take different rows instead of waiting on each other. SQLite: one writer at a time, so the conditional
 * UPDATE of the candidates is atomic as it is. `exclude`: messages this worker is still sending.
 */
export async function claimDueMessages(limit: number, owner: string, leaseMs: number, exclude: string[] = []): Promise<ClaimedMessage[]> {
  if (limit <= 0) return [];
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const config = resolveDatabaseConfig();
  if (config.provider === 'postgresql') {
    const table = `${quoteIdentifier(postgresSchema(config.url))}."OutboundMessage"`;
    return db().$queryRawUnsafe<ClaimedMessage[]>(
      `UPDATE ${table} SET "state" = 'sending', "leaseOwner" = $1, "leaseUntil" = $2::timestamp, "attempts" = "attempts" + 1, "updatedAt" = $3::timestamp
       WHERE "id" IN (
         SELECT "id" FROM ${table}
         WHERE (("state" = 'queued' AND "nextAttemptAt" <= $3::timestamp) OR ("state" = 'sending' AND "leaseUntil" < $3::timestamp))
           AND "source" <> 'test' AND NOT ("id" = ANY($5::text[]))
         ORDER BY "nextAttemptAt" LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING "id", "attempts"`,
      owner,
      leaseUntil.toISOString(),
      now.toISOString(),
      limit,
      exclude,
    );
  }
  const candidates = await db().outboundMessage.findMany({ where: dueWhere(now, exclude), select: { id: true }, orderBy: { nextAttemptAt: 'asc' }, take: limit });
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.id);
  await db().outboundMessage.updateMany({
    where: { id: { in: ids }, ...dueWhere(now, []) },
    data: { state: 'sending', leaseOwner: owner, leaseUntil, attempts: { increment: 1 } },
  });
  return db().outboundMessage.findMany({ where: { id: { in: ids }, leaseOwner: owner, state: 'sending', leaseUntil }, select: { id: true, attempts: true } });
}
