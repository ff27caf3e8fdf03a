// The runtime migrator: applies `prisma/migrations/<provider>/*/migration.sql` at start-up with plain
// better-sqlite3 / pg, because Prisma 7's own `migrate deploy` needs the native schema engine, which offline
// installs do not have. It keeps the `_prisma_migrations` table exactly as that engine does (same DDL, SHA-256
// checksums, same advisory lock on PostgreSQL), so a machine that does have it can run `prisma migrate deploy`
// on the same database. No `server-only`: scripts run by tsx use it too.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresConnectionFields, postgresSchema, quoteIdentifier, type DatabaseConfig } from './database-config';
import { checksumMatches, defaultMigrationsDir, readMigrations, type MigrationFile } from './migrations-folder';
import { secureSqliteFiles } from './secure-data-files';

export interface ApplyMigrationsOptions {
  /** Defaults to `<process.cwd()>/prisma/migrations/<provider>`. */
  migrationsDir?: string;
  /** Progress messages (one line each); silent by default. */
  log?: (message: string) => void;
  /** Warnings (e.g. the database knows migrations this code does not); `console.warn` by default. */
  warn?: (message: string) => void;
  /** How long to wait for another process that is migrating the same database. Default 60 s. */
  lockTimeoutMs?: number;
}

// The schema engine's own DDL for its bookkeeping table (read back from the engine), per provider.
const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
const POSTGRES_TABLE = (table: string) => `CREATE TABLE IF NOT EXISTS ${table} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
/** The key Prisma's schema engine locks: this migrator and a native `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

const SQLITE_MIGRATIONS = '"_prisma_migrations"';
const SELECT_ROWS = (table: string) =>
  `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM ${table} ORDER BY started_at`;
const INSERT_ROW = (table: string) =>
  `INSERT INTO ${table} (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, ` +
  'applied_steps_count) VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)';

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

/** A finished (or failed) migration as one `_prisma_migrations` row: success has `logs` NULL and one step. */
interface Outcome {
  migration: MigrationFile;
  startedAt: Date;
  finishedAt: Date | null;
  logs: string | null;
}

function rowValues(outcome: Outcome, timestamp: (date: Date) => string | Date): unknown[] {
  const { migration, startedAt, finishedAt, logs } = outcome;
  return [
    randomUUID(),
    migration.checksum,
    finishedAt ? timestamp(finishedAt) : null,
    migration.name,
    logs,
    timestamp(startedAt),
    finishedAt ? 1 : 0,
  ];
}

/**
 * What to apply, after refusing the states Prisma refuses (a failed migration) and one it only warns about
 * (an applied migration whose file has changed since: it would no longer describe the database).
 * Rows marked rolled back are history only, as in Prisma.
 */
function pendingMigrations(rows: MigrationRow[], migrations: MigrationFile[], warn: (m: string) => void) {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    const details = failed.map((row) => `  - ${row.migration_name}: ${row.logs ?? '(no log)'}`).join('\n');
    throw new Error(
      `Database migrations are blocked: ${failed.length} migration(s) recorded as failed in _prisma_migrations:\n` +
        `${details}\nRepair the database by hand, then mark each as rolled back so it is retried: ` +
        `UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = '<name>' ` +
        "AND finished_at IS NULL (or `prisma migrate resolve --rolled-back <name>` where Prisma's engine runs).",
    );
  }
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const edited = live.filter((row) => {
    const file = byName.get(row.migration_name);
    return file !== undefined && !checksumMatches(file.script, row.checksum);
  });
  if (edited.length > 0) {
    throw new Error(
      'Refusing to migrate: these applied migrations were modified after they were applied (checksum differs ' +
        `from _prisma_migrations): ${edited.map((row) => row.migration_name).join(', ')}. ` +
        'Restore the original migration.sql files and put changes in a new migration (npm run db:migration).',
    );
  }
  const applied = new Set(live.map((row) => row.migration_name));
  const unknown = [...applied].filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    // Like `prisma migrate deploy`: a database ahead of this code (e.g. after a rollback of the app) is allowed.
    warn(`The database has migrations this version does not know: ${unknown.join(', ')}`);
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function failureMessage(migration: MigrationFile, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `Migration ${migration.name} failed and was rolled back: ${reason}`;
}

/**
 * Records a failed migration as the schema engine does (no finished_at, the error in `logs`), so the next start
 * refuses until someone looks. Best effort: if even that fails (connection gone), the original error still wins.
 */
async function recordFailure(write: () => unknown, message: string, cause: unknown): Promise<never> {
  let suffix = '';
  try {
    await write();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    suffix = ` (and recording the failure in _prisma_migrations failed too: ${reason})`;
  }
  throw new Error(message + suffix, { cause });
}

/** The wasm schema engine writes SQLite timestamps as ISO-8601 text with an explicit offset; so do we. */
function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

async function applySqlite(file: string, migrations: MigrationFile[], options: ApplyMigrationsOptions) {
  const log = options.log ?? (() => {});
  secureSqliteFiles(file);
  const db = new Database(file);
  const applied: string[] = [];
  try {
    // Long enough for a concurrent starter to finish its migrations (BEGIN IMMEDIATE waits on it).
    db.pragma(`busy_timeout = ${Math.floor(options.lockTimeoutMs ?? 60_000)}`);
    // Takes effect only on a new, empty file (SQLite's rule): retention can then give freed pages back in small
    // steps (PRAGMA incremental_vacuum) instead of a VACUUM that blocks every writer. A no-op on older files.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.exec(SQLITE_TABLE);
    const insert = db.prepare(INSERT_ROW(SQLITE_MIGRATIONS).replace(/\$\d/g, '?'));
    const rows = () => db.prepare(SELECT_ROWS(SQLITE_MIGRATIONS)).all() as MigrationRow[];
    for (const migration of pendingMigrations(rows(), migrations, options.warn ?? console.warn)) {
      // SQLite ignores `PRAGMA foreign_keys` inside a transaction, and Prisma's table-redefining scripts rely on
      // it being off (else DROP TABLE would cascade). So switch it off around the transaction and verify the
      // constraints before committing: SQLite's documented procedure for schema changes.
      db.pragma('foreign_keys = OFF');
      const startedAt = new Date();
      let running = false; // only a failure of the script itself is recorded, not a lock wait or a refusal
      try {
        db.exec('BEGIN IMMEDIATE'); // takes the write lock now: a concurrent starter waits (busy_timeout) here
        // Re-read under the lock: another process may have applied (or failed) it meanwhile.
        if (!pendingMigrations(rows(), [migration], () => {}).length) {
          db.exec('COMMIT');
          continue;
        }
        running = true;
        db.exec(migration.script);
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) throw new Error(`foreign key violations: ${JSON.stringify(violations)}`);
        insert.run(...rowValues({ migration, startedAt, finishedAt: new Date(), logs: null }, sqliteTimestamp));
        db.exec('COMMIT');
        applied.push(migration.name);
        log(`applied ${migration.name}`);
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        if (!running) throw error;
        const message = failureMessage(migration, error);
        const row = rowValues({ migration, startedAt, finishedAt: null, logs: message }, sqliteTimestamp);
        await recordFailure(() => insert.run(...row), message, error);
      } finally {
        db.pragma('foreign_keys = ON');
      }
    }
  } finally {
    db.close();
  }
  return applied;
}

async function lockPostgres(client: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sql = 'SELECT pg_try_advisory_lock($1) AS locked';
    const result = await client.query<{ locked: boolean }>(sql, [PRISMA_ADVISORY_LOCK]);
    if (result.rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${PRISMA_ADVISORY_LOCK})); ` +
          'another process is migrating this database.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function applyPostgres(url: string, migrations: MigrationFile[], options: ApplyMigrationsOptions) {
  const log = options.log ?? (() => {});
  // `?schema=` puts everything in that schema: the bookkeeping table is qualified, and each script runs with
  // SET LOCAL search_path (transaction-scoped, so nothing leaks into a shared session).
  const schemaName = postgresSchema(url);
  const schema = quoteIdentifier(schemaName);
  const table = `${schema}."_prisma_migrations"`;
  const client = new pg.Client({ ...postgresConnectionFields(url), connectionTimeoutMillis: 10_000 });
  await client.connect();
  const applied: string[] = [];
  try {
    // Held for the whole run, as the schema engine does: concurrent starters run one after the other, and the
    // second finds nothing left to apply.
    await lockPostgres(client, options.lockTimeoutMs ?? 60_000);
    // Not for `public`: CREATE SCHEMA needs the CREATE privilege on the database even when the schema exists.
    if (schemaName !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(POSTGRES_TABLE(table));
    const { rows } = await client.query<MigrationRow>(SELECT_ROWS(table));
    for (const migration of pendingMigrations(rows, migrations, options.warn ?? console.warn)) {
      const startedAt = new Date();
      let running = false; // only a failure of the script itself is recorded
      try {
        await client.query('BEGIN');
        // Re-read inside the transaction: redundant under the advisory lock, but keeps a server whose sessions are
        // shared (PGlite's socket server, where every connection is the same session and so "holds" the lock)
        // from applying a migration twice.
        const current = await client.query<MigrationRow>(SELECT_ROWS(table));
        if (!pendingMigrations(current.rows, [migration], () => {}).length) {
          await client.query('COMMIT');
          continue;
        }
        running = true;
        await client.query(`SET LOCAL search_path TO ${schema}`);
        await client.query(migration.script); // simple query protocol: the whole multi-statement script at once
        const row = rowValues({ migration, startedAt, finishedAt: new Date(), logs: null }, (d) => d);
        await client.query(INSERT_ROW(table), row);
        await client.query('COMMIT');
        applied.push(migration.name);
        log(`applied ${migration.name}`);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (!running) throw error;
        const message = failureMessage(migration, error);
        const row = rowValues({ migration, startedAt, finishedAt: null, logs: message }, (d) => d);
        await recordFailure(() => client.query(INSERT_ROW(table), row), message, error);
      }
    }
  } finally {
    // Ending the session releases the advisory lock even if the unlock below fails.
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
  return applied;
}

/**
 * Applies the migrations of `config.provider` that the database has not recorded yet, each in its own
 * transaction, and returns their names (empty when the database is up to date).
 */
export async function applyMigrations(
  config: DatabaseConfig,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir(config.provider), config.provider);
  if (config.provider === 'sqlite') {
    return { applied: await applySqlite(config.file, migrations, options) };
  }
  return { applied: await applyPostgres(config.url, migrations, options) };
}
