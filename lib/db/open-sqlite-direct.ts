// The SQLite side of the direct path, for the few hot statements (the outbox's) where Prisma's per-query cost
// dominates: reads on a second connection in this thread, writes on a third one in a thread of their own. A commit
// waits for the disk (fsync, milliseconds); better-sqlite3 waits synchronously, which on the main thread would stop
// every socket of the process meanwhile. No `server-only`: built beside the Prisma client, which scripts create too.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { AsyncLock } from './async-lock';
import { SQLITE_WRITER_SOURCE } from './sqlite-writer-source';
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

type Reply = { id: number; results: unknown[] } | { id: number; error: { message: string; code?: string } };

export function openSqliteDirect(file: string, lock: AsyncLock): SqliteDirect {
  let reader: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  let writer: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(results: unknown[]): void; reject(error: Error): void }>();

  const writerThread = () => {
    if (writer) return writer;
    // Resolved from the project (the working folder of every entry point): inside Next's bundle a module's own URL
    // says little about where node_modules is.
    const driver = createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3');
    const thread = new Worker(SQLITE_WRITER_SOURCE, { eval: true, workerData: { file, pragmas: PRAGMAS, driver } });
    thread.unref();
    thread.on('message', (reply: Reply) => {
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiter) return;
      if ('error' in reply) waiter.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiter.resolve(reply.results);
    });
    const fail = (error: Error) => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      writer = null;
    };
    thread.on('error', fail);
    thread.on('exit', () => fail(new Error('The SQLite writer thread stopped.')));
    writer = thread;
    return thread;
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
        const id = nextId++;
        const thread = writerThread();
        return await new Promise<unknown[]>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          thread.postMessage({ id, steps });
        });
      } finally {
        release();
      }
    },
    close() {
      statements.clear();
      reader?.close();
      reader = null;
      void writer?.terminate();
      writer = null;
    },
  };
}
