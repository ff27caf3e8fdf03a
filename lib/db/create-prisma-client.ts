// Builds a Prisma client for the configured database through a driver adapter (JavaScript + WebAssembly, no native
// engine). No `server-only` here: scripts run by tsx build clients too; app code goes through `lib/db/prisma.ts`.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { secureSqliteFiles } from './secure-data-files';
import { postgresConnectionFields, postgresSchema, type DatabaseConfig } from './database-config';
import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';

/** The client type app code uses, whichever database is configured (see the cast in `createPrismaClient`). */
export type Db = SqlitePrismaClient;

// WAL lets readers proceed during a write; foreign keys are off by default in SQLite, and the schema's
// `onDelete: Cascade/Restrict` relations rely on them; busy_timeout makes a writer wait instead of failing at once.
const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;';

/** The better-sqlite3 adapter opens the file itself and has no hook for pragmas: apply them on every connection. */
function sqliteAdapterFactory(file: string): SqlMigrationAwareDriverAdapterFactory {
  secureSqliteFiles(file);
  const inner = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const withPragmas = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => withPragmas(() => inner.connect()),
    connectToShadowDb: () => withPragmas(() => inner.connectToShadowDb()),
  };
}

export function createPrismaClient(config: DatabaseConfig): Db {
  if (config.provider === 'sqlite') {
    return new SqlitePrismaClient({ adapter: sqliteAdapterFactory(config.file) });
  }
  // Separate fields, never `connectionString`: see postgresConnectionFields. `schema` makes the client qualify
  // every table with the URL's `?schema=` (Prisma 7 no longer reads it from the URL itself).
  const adapter = new PrismaPg(postgresConnectionFields(config.url), { schema: postgresSchema(config.url) });
  const client = new PostgresPrismaClient({ adapter });
  // Both clients are generated from the same models, so the model API app code uses is the same; the generated
  // types still differ in provider-only details (e.g. `mode: 'insensitive'`, isolation levels), hence `unknown`.
  return client as unknown as Db;
}
