import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { claimDueMessages } from '@/lib/mail/outbox/claim-due-messages';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { renewLeases } from '@/lib/mail/outbox/renew-leases';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// On SQLite the outbox writes through its own connection (in a thread), beside Prisma's. A commit there between an
// interactive transaction's read and its write would fail that transaction (SQLITE_BUSY_SNAPSHOT): renaming a tenant
// or a service, say, while mail is being sent. They take turns; this is them, at once, many times.

/** A counter raised by an interactive transaction that reads, waits a moment, then writes. */
async function raise(key: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const bucket = await tx.rateLimitBucket.findUnique({ where: { key } });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await tx.rateLimitBucket.upsert({
      where: { key },
      create: { key, count: 1, resetAt: new Date(Date.now() + 60_000) },
      update: { count: (bucket?.count ?? 0) + 1 },
    });
  });
}

describe('the outbox writing beside Prisma transactions (sqlite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    for (let i = 0; i < 60; i += 1) {
      await enqueueMessage({
        source: 'api',
        from: { address: 'outbox@contoso.test', name: '' },
        to: [{ address: `r${i}@example.test`, name: '' }],
        subject: `M ${i}`,
        text: 'x',
      });
    }
  });
  afterAll(async () => database?.cleanup());

  it('interactive transactions (read, then write) never fail while the worker claims and renews', async () => {
    const key = 'direct-writes';
    const counts = Array.from({ length: 60 }, () => raise(key));
    const outbox = (async () => {
      const claimed: string[] = [];
      for (let round = 0; round < 12; round += 1) {
        const batch = await claimDueMessages(5, 'direct-writes', 60_000, [], {
          worker: 'direct-writes',
          transport: 'smtp',
        });
        claimed.push(...batch.map((c) => c.id));
        await renewLeases('direct-writes', claimed, 60_000);
      }
      return claimed;
    })();
    const [results, claimed] = await Promise.all([Promise.allSettled(counts), outbox]);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => String((r as PromiseRejectedResult).reason).slice(0, 200)),
    ).toEqual([]);
    expect((await db().rateLimitBucket.findUnique({ where: { key } }))?.count).toBe(60);
    expect(new Set(claimed).size).toBe(60);
    expect(await db().outboundAttempt.count({ where: { worker: 'direct-writes', outcome: 'in_progress' } })).toBe(60);
  });
});
