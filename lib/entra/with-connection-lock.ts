import 'server-only';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import type { Db } from '@/lib/db/create-prisma-client';
import { db } from '@/lib/db/prisma';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Runs `work` while holding a database lock on one connection's tokens, so that instances sharing a PostgreSQL
 * database refresh a token once between them: the second one waits, then reads the token the first one stored.
 * SQLite serves one instance, where the in-process single flight is enough.
 */
export async function withConnectionLock<T>(connectionId: string, work: (client: Tx) => Promise<T>): Promise<T> {
  // No transaction on SQLite: it has one connection, and holding it across a call to Microsoft would stall the app.
  if (resolveDatabaseConfig().provider !== 'postgresql') return work(db());
  return db().$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(
        'SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS locked',
        `switchboard:token:${connectionId}`,
      );
      return work(tx);
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
