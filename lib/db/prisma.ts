import 'server-only';
import { createPrismaClient, type Db } from './create-prisma-client';
import { resolveDatabaseConfig } from './database-config';

// One client per process. Kept on globalThis because Next's dev server re-evaluates modules on every change,
// and each new client would open its own connections (SQLite handles, a pg pool).
const KEY = Symbol.for('switchboard.db.client');
type GlobalWithDb = typeof globalThis & { [KEY]?: Db };

export function db(): Db {
  const g = globalThis as GlobalWithDb;
  g[KEY] ??= createPrismaClient(resolveDatabaseConfig());
  return g[KEY];
}

/** Closes the process-wide client, if one was created; the next `db()` builds a new one from the environment. */
export async function disconnectDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const client = g[KEY];
  if (!client) return;
  delete g[KEY];
  await client.$disconnect();
}
