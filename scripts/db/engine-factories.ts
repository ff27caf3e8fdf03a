// Driver adapter factories for the wasm schema engine, one per provider, whose shadow databases are created and
// dropped here rather than by the adapters (see the PrismaPg trap in /work/shared/OFFLINE.md).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { postgresConnectionFields, postgresSchema, quoteIdentifier } from '../../lib/db/database-config';
import { createSeparateDatabase, startPrivatePglite } from './postgres-admin';

/**
 * The engine replays migration scripts through `executeRaw`, which better-sqlite3 refuses for more than one
 * statement ("The supplied SQL string contains more than one statement"): send those to `executeScript` instead.
 */
function scriptTolerantSqlite(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: async (query) => {
      try {
        return await adapter.executeRaw(query);
      } catch (error) {
        const multiple = error instanceof Error && error.message.includes('more than one statement');
        if (!multiple || query.args.length > 0) throw error;
        await adapter.executeScript(query.sql);
        return 0; // row counts of a DDL script mean nothing to the engine
      }
    },
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

/**
 * SQLite: the main database is `file`, each shadow database a fresh in-memory one, so nothing is left behind.
 */
export function sqliteEngineFactory(file: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: ':memory:' });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => scriptTolerantSqlite(await inner.connect()),
    connectToShadowDb: async () => scriptTolerantSqlite(await inner.connectToShadowDb()),
  };
}

const PG_CHAR_OID = 18; // the one-byte "char" type (pg_class.relkind, pg_constraint.contype, ...)
const PG_TEXT_OID = 25;

/**
 * Fixes a result for the engine: relabels `"char"` columns as text, which they are on the wire (see
 * `CharAsTextClient`), and drops PostgreSQL 18's NOT NULL entries (contype `n`) from constraint listings: this
 * engine build does not know them and panics, and it reads nullability from pg_attribute anyway.
 */
function adaptResult(result: unknown): void {
  for (const one of Array.isArray(result) ? result : [result]) {
    if (typeof one !== 'object' || one === null || !('fields' in one) || !Array.isArray(one.fields)) continue;
    const fields = one.fields as { name?: string; dataTypeID?: number }[];
    for (const field of fields) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    const typeIndex = fields.findIndex((field) => field.name === 'constraint_type');
    if (typeIndex >= 0 && 'rows' in one && Array.isArray(one.rows)) {
      const isNotNull = (row: unknown) =>
        (Array.isArray(row) ? row[typeIndex] : (row as Record<string, unknown>).constraint_type) === 'n';
      one.rows = one.rows.filter((row: unknown) => !isNotNull(row));
    }
  }
}

/**
 * `@prisma/adapter-pg` 7.x rejects `"char"` result columns (UnsupportedNativeDataType), and the schema engine's
 * catalog queries return several, so describing a PostgreSQL schema fails with "Column type 'char' could not be
 * deserialized". This client class relabels them as text after each query, on both the callback path (used by
 * `Pool.query`) and the promise path (used inside transactions). Scoped to the engine's pools, not global.
 */
class CharAsTextClient extends pg.Client {}
const originalQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
CharAsTextClient.prototype.query = function query(this: pg.Client, ...args: unknown[]): unknown {
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    const callback = last as (error: unknown, result: unknown) => void;
    args[args.length - 1] = (error: unknown, result: unknown) => {
      if (!error) adaptResult(result);
      callback(error, result);
    };
    return originalQuery.apply(this, args);
  }
  const returned = originalQuery.apply(this, args);
  if (returned instanceof Promise) return returned.then((result: unknown) => (adaptResult(result), result));
  return returned;
} as typeof pg.Client.prototype.query;

function enginePool(fields: pg.ClientConfig): pg.Pool {
  return new pg.Pool({ ...fields, max: 2, Client: CharAsTextClient });
}

/**
 * Wraps a pg adapter: `executeScript` sends the whole script in one simple-protocol query (the stock adapter
 * splits on every `;`, which breaks on a semicolon inside a string or function body), and `dispose` also runs
 * `cleanup` (dropping a shadow database once the engine is done with it). With a schema other than `public`
 * (`?schema=`, as test databases on PGlite have) the engine is told the schema through the adapter, and scripts
 * run with a transaction-local search_path so they land in it.
 */
async function pgAdapter(pool: pg.Pool, schema: string, cleanup: () => Promise<void>): Promise<SqlDriverAdapter> {
  // adapter-pg ships its own @types/pg (8.16; the project pins 8.15), so the Pool types differ on paper only:
  // at run time there is one `pg`.
  const typedPool = pool as unknown as ConstructorParameters<typeof PrismaPg>[0];
  const adapter = await new PrismaPg(typedPool, schema === 'public' ? undefined : { schema }).connect();
  const executeScript = async (script: string) => {
    if (schema === 'public') {
      await pool.query(script);
      return;
    }
    const client = await pool.connect();
    try {
      await client.query(`BEGIN; SET LOCAL search_path TO ${quoteIdentifier(schema)};\n${script}\n;COMMIT;`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript,
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => adapter.getConnectionInfo(),
    dispose: async () => {
      try {
        await pool.end();
      } finally {
        await cleanup();
      }
    },
  };
}

/**
 * PostgreSQL: the main database is the one in `url` (only read by the commands we use); every shadow database is
 * a new uniquely named database on the same server, dropped when the engine disposes of it.
 */
export function postgresEngineFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const fields = postgresConnectionFields(url);
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect() {
      return pgAdapter(enginePool(fields), postgresSchema(url), async () => {});
    },
    async connectToShadowDb() {
      const shadow = await createSeparateDatabase(url, 'switchboard_shadow');
      if (shadow) return pgAdapter(enginePool(shadow.fields), 'public', () => shadow.drop());
      // A server that serves one database whatever name is asked (PGlite behind its socket server) cannot give
      // the engine a clean shadow: use a private in-process PGlite instead, thrown away afterwards.
      const pglite = await startPrivatePglite();
      return pgAdapter(enginePool(postgresConnectionFields(pglite.url)), 'public', () => pglite.stop());
    },
  };
}
