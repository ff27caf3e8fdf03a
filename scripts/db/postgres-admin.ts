// Creating and dropping throw-away PostgreSQL databases (shadow databases for the schema engine, test databases).
// Only needs a URL to a server where the user may CREATE DATABASE.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresConnectionFields, quoteIdentifier } from '../../lib/db/database-config';

export const DEFAULT_TEST_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';

export function testPostgresUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;
}

export interface TemporaryDatabase {
  name: string;
  /** postgresql:// URL of the new database (with `?schema=` when the server forced the schema fallback). */
  url: string;
  /** Connection fields for `pg` / `PrismaPg` (never a connection string, see database-config.ts). */
  fields: pg.ClientConfig;
  /** The PostgreSQL schema to use: `public` in a real new database, the new schema in the fallback. */
  schema: string;
  drop(): Promise<void>;
}

/** Whether a PostgreSQL server accepts a connection at `url` (within a couple of seconds). */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ ...postgresConnectionFields(url), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Connects to the server's maintenance database named in `serverUrl`, with a message that says what failed. */
async function adminClient(serverUrl: string, database?: string): Promise<pg.Client> {
  const fields = { ...postgresConnectionFields(serverUrl), ...(database ? { database } : {}) };
  const client = new pg.Client({ ...fields, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `No PostgreSQL server answered at ${fields.host}:${fields.port} (database ${fields.database ?? '(default)'}, ` +
        `from TEST_POSTGRES_URL or its default ${DEFAULT_TEST_POSTGRES_URL}): ${reason}. ` +
        'Start PostgreSQL or point TEST_POSTGRES_URL at one whose user may CREATE DATABASE.',
      { cause: error },
    );
  }
  return client;
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = await adminClient(serverUrl);
  try {
    // WITH (FORCE) needs PostgreSQL 13+; older servers get the terminate-then-drop path.
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`).catch(async () => {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
    });
  } finally {
    await client.end();
  }
}

/** Whether a connection asking for database `name` really lands in it (PGlite's socket server ignores the name). */
async function databaseIsReachable(serverUrl: string, name: string): Promise<boolean> {
  const client = await adminClient(serverUrl, name);
  try {
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    return rows[0]?.name === name;
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named empty database on the server of `serverUrl` and returns its URL; `drop()` removes it
 * (terminating leftover connections, so a test that forgot to disconnect cannot keep it alive). On a server that
 * serves one database whatever name is asked for (PGlite), it creates a schema instead and returns a URL with
 * `?schema=`, which the migrator and the Prisma client honour, so callers stay isolated either way.
 */
export async function createTemporaryDatabase(serverUrl: string, prefix: string): Promise<TemporaryDatabase> {
  const database = await create(serverUrl, prefix, true);
  if (!database) throw new Error('unreachable: the schema fallback always yields a database');
  return database;
}

/** Like createTemporaryDatabase, but null on a server that cannot keep databases apart (no schema fallback). */
export function createSeparateDatabase(serverUrl: string, prefix: string): Promise<TemporaryDatabase | null> {
  return create(serverUrl, prefix, false);
}

async function create(serverUrl: string, prefix: string, schemaFallback: boolean): Promise<TemporaryDatabase | null> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = await adminClient(serverUrl);
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  let dropped = false;
  if (await databaseIsReachable(serverUrl, name)) {
    url.pathname = `/${encodeURIComponent(name)}`;
    url.searchParams.delete('schema');
    return {
      name,
      url: url.toString(),
      fields: postgresConnectionFields(url.toString()),
      schema: 'public',
      async drop() {
        if (dropped) return;
        dropped = true;
        await dropDatabase(serverUrl, name);
      },
    };
  }
  await dropDatabase(serverUrl, name).catch(() => {}); // it exists only in name on such a server
  if (!schemaFallback) return null;
  const schemaAdmin = await adminClient(serverUrl);
  try {
    await schemaAdmin.query(`CREATE SCHEMA ${quoteIdentifier(name)}`);
  } finally {
    await schemaAdmin.end();
  }
  url.searchParams.set('schema', name);
  return {
    name,
    url: url.toString(),
    fields: postgresConnectionFields(url.toString()),
    schema: name,
    async drop() {
      if (dropped) return;
      dropped = true;
      const client = await adminClient(serverUrl);
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * An empty PostgreSQL of our own: PGlite (a dev dependency) in this process, behind its socket server on a
 * loopback port. For what a shared PGlite server cannot provide (a clean database for the schema engine).
 */
export async function startPrivatePglite(): Promise<{ url: string; stop(): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
