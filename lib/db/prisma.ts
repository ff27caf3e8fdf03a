import 'server-only';
import { createDatabaseHandles, type DatabaseHandles, type DirectDb } from './create-database-handles';
import type { Db } from './create-prisma-client';
import { resolveDatabaseConfig } from './database-config';

// One client per process. Kept on globalThis because Next's dev server re-evaluates modules on every change,
// and each new client would open its own connections (SQLite handles, a pg pool).
const KEY = Symbol.for('switchboard.db.client');
type GlobalWithDb = typeof globalThis & { [KEY]?: DatabaseHandles };

function handles(): DatabaseHandles {
  const g = globalThis as GlobalWithDb;
  g[KEY] ??= createDatabaseHandles(resolveDatabaseConfig());
  return g[KEY];
}

export function db(): Db {
  return handles().client;
}

/** The direct path on the same database, for hot statements where Prisma's per-query cost dominates (the outbox). */
export function directDb(): DirectDb {
  return handles().direct;
}

/** Closes the process-wide handles, if they were created; the next `db()` builds new ones from the environment. */
export async function disconnectDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const current = g[KEY];
  if (!current) return;
  delete g[KEY];
  await current.close();
}
