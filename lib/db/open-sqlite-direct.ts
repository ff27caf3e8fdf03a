// The SQLite side of the direct path, for the few hot statements (the outbox's) where Prisma's per-query cost
// dominates: reads on a second connection in this thread, writes on a third one in a thread of their own. A commit
// waits for the disk (fsync, milliseconds); better-sqlite3 waits synchronously, which on the main thread would stop
// every socket of the process meanwhile. No `server-only`: built beside the Prisma client, which scripts create too.
import Database from 'better-sqlite3';
import type { AsyncLock } from './async-lock';
import { SQLITE_WRITER_SOURCE } from './sqlite-writer-source';
import { type RequestThread, startRequestThread } from './start-request-thread';
import { statementCounter } from './statement-counter';

export type SqliteValue = string | number | bigint | Buffer | null;
/** An earlier step's rows as a JSON list of one column (only the rows where `where` is truthy, when set). */
export interface SqliteRef {
  ref: number;
  column: string;
  where?: string;
}
/** One statement of a write: `rows` returns its rows (SELECT, RETURNING), otherwise the number of rows changed. */
export interface SqliteStep {
  sql: string;
  params: (SqliteValue | SqliteRef)[];
  rows?: boolean;
}

export interface SqliteDirect {
  provider: 'sqlite';
  /** Reads outside a transaction (WAL: the last committed state, never blocked by a writer). */
  all<R>(sql: string, params?: SqliteValue[]): R[];
  /**
   * Runs the steps in one BEGIN IMMEDIATE … COMMIT (ROLLBACK when one fails) on the writer thread; one result per
   * step. Waits first while one of Prisma's transactions is open: a commit in between would fail it
   * (SQLITE_BUSY_SNAPSHOT), as Prisma's transactions read, then write.
   */
  write(steps: SqliteStep[]): Promise<unknown[]>;
  close(): void;
}

// The same pragmas as Prisma's connection (see create-database-handles.ts): WAL, foreign keys, a 5 s busy timeout
// for other writers (Prisma's connection, other processes).
const PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;';

export function openSqliteDirect(file: string, lock: AsyncLock): SqliteDirect {
  let reader: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  let writer: RequestThread | null = null;

  const writerThread = () => {
    if (writer?.alive) return writer;
    writer = startRequestThread({
      source: SQLITE_WRITER_SOURCE,
      driver: 'better-sqlite3',
      workerData: { file, pragmas: PRAGMAS },
      stoppedMessage: 'The SQLite writer thread stopped.',
    });
    return writer;
  };

  return {
    provider: 'sqlite',
    all<R>(sql: string, params: SqliteValue[] = []) {
      reader ??= new Database(file, { timeout: 5000 });
      let statement = statements.get(sql);
      if (!statement) {
        statement = reader.prepare(sql);
        statements.set(sql, statement);
      }
      statementCounter.count += 1;
      return statement.all(...params) as R[];
    },
    async write(steps) {
      statementCounter.count += steps.length + 2;
      const release = await lock.acquire({ urgent: true });
      try {
        return await writerThread().request<unknown[]>({ steps });
      } finally {
        release();
      }
    },
    close() {
      statements.clear();
      reader?.close();
      reader = null;
      writer?.stop();
      writer = null;
    },
  };
}
