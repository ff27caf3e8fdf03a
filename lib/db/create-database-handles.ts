// Builds this process's database handles: the Prisma client (through a driver adapter: JavaScript + WebAssembly, no
// native engine) and the direct path beside it on the same database (see open-sqlite-direct / open-postgres-direct).
// No `server-only` here: scripts run by tsx build clients too; app code goes through `lib/db/prisma.ts`.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { logger } from '../log/logger';
import { createAsyncLock, type AsyncLock } from './async-lock';
import type { Db } from './create-prisma-client';
import { postgresConnectionFields, postgresSchema, type DatabaseConfig } from './database-config';
import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';
import { openPostgresDirect, type PostgresDirect } from './open-postgres-direct';
import { openSqliteDirect, type SqliteDirect } from './open-sqlite-direct';
import { secureSqliteFiles } from './secure-data-files';
import { statementCounter } from './statement-counter';

export type DirectDb = SqliteDirect | PostgresDirect;

export interface DatabaseHandles {
  client: Db;
  direct: DirectDb;
  /** Closes both (the client's connections and the direct path's). */
  close(): Promise<void>;
}

// WAL lets readers proceed during a write; foreign keys are off by default in SQLite, and the schema's
// `onDelete: Cascade/Restrict` relations rely on them; busy_timeout makes a writer wait instead of failing at once.
const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;';

function counted<T extends SqlQueryable>(queryable: T): T {
  const { queryRaw, executeRaw } = queryable;
  queryable.queryRaw = (query) => {
    statementCounter.count += 1;
    return queryRaw.call(queryable, query);
  };
  queryable.executeRaw = (query) => {
    statementCounter.count += 1;
    return executeRaw.call(queryable, query);
  };
  return queryable;
}

/** Counts statements; on SQLite, `lock` is held while a transaction is open (the direct path's writes wait for it). */
function wrapAdapter(adapter: SqlDriverAdapter, lock: AsyncLock | null): SqlDriverAdapter {
  const { startTransaction } = adapter;
  adapter.startTransaction = async (isolationLevel) => {
    const release = lock ? await lock.acquire() : () => undefined;
    let transaction: Transaction;
    try {
      statementCounter.count += 1;
      transaction = counted(await startTransaction.call(adapter, isolationLevel));
    } catch (error) {
      release();
      throw error;
    }
    const { commit, rollback } = transaction;
    transaction.commit = () => commit.call(transaction).finally(release);
    transaction.rollback = () => rollback.call(transaction).finally(release);
    return transaction;
  };
  return counted(adapter);
}

/** The better-sqlite3 adapter opens the file itself and has no hook for pragmas: apply them on every connection. */
function sqliteAdapterFactory(file: string, lock: AsyncLock): SqlMigrationAwareDriverAdapterFactory {
  secureSqliteFiles(file);
  const inner = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const withPragmas = async (connect: () => Promise<SqlDriverAdapter>, main: boolean) => {
    const adapter = await connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return main ? wrapAdapter(adapter, lock) : adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => withPragmas(() => inner.connect(), true),
    connectToShadowDb: () => withPragmas(() => inner.connectToShadowDb(), false),
  };
}

// Interactive transactions take turns on SQLite (one writer, see wrapAdapter) and on a busy pool; Prisma's default
// of 2 s to start one turned a burst of edits on a loaded machine into errors. They wait their turn instead.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export function createDatabaseHandles(config: DatabaseConfig): DatabaseHandles {
  if (config.provider === 'sqlite') {
    const lock = createAsyncLock();
    const client = new SqlitePrismaClient({
      adapter: sqliteAdapterFactory(config.file, lock),
      transactionOptions: TRANSACTION_OPTIONS,
    });
    const direct = openSqliteDirect(config.file, lock);
    return {
      client,
      direct,
      async close() {
        direct.close();
        await client.$disconnect();
      },
    };
  }
  // Separate fields, never `connectionString`: see postgresConnectionFields. `schema` makes the client qualify
  // every table with the URL's `?schema=` (Prisma 7 no longer reads it from the URL itself). One pool, shared by the
  // client and the direct path, so the process keeps the connection limit it always had.
  const schema = postgresSchema(config.url);
  const pool = new pg.Pool(postgresConnectionFields(config.url));
  // An idle connection the server ends (a restart, a failover, a dropped test database) is an 'error' on the pool;
  // unheard, it would crash the process. The pool replaces the connection on the next query, so it is only logged.
  // (Prisma's adapter listens too, but only between connect and $disconnect.)
  pool.on('error', (error: Error & { code?: string }) =>
    logger.warn('db.idle_connection_lost', { code: error.code ?? error.name }),
  );
  // The adapter ships newer @types/pg than the project's; at run time both are the one `pg` package.
  const factory = new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0], { schema });
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrapAdapter(await factory.connect(), null),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  // Both clients are generated from the same models, so the model API app code uses is the same; the generated
  // types still differ in provider-only details (e.g. `mode: 'insensitive'`, isolation levels), hence `unknown`.
  const client = new PostgresPrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
  return {
    client,
    direct: openPostgresDirect(pool, schema),
    async close() {
      await client.$disconnect();
      await pool.end();
    },
  };
}
