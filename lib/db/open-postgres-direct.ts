// The PostgreSQL side of the direct path: statements on the pool Prisma's adapter uses too (one pool per process,
// the same connection limit), for the few hot statements where Prisma's per-query cost dominates. No `server-only`:
// built beside the Prisma client, which scripts create too.
import type pg from 'pg';
import { quoteIdentifier } from './database-config';
import { statementCounter } from './statement-counter';

export interface PostgresDirect {
  provider: 'postgresql';
  /** One statement (autocommit). `name` makes it a prepared statement on each connection that runs it. */
  query<R>(sql: string, params: unknown[], name?: string): Promise<R[]>;
  /** A table name qualified with the schema of DATABASE_URL's `?schema=`. */
  table(name: string): string;
}

export function openPostgresDirect(pool: pg.Pool, schema: string): PostgresDirect {
  const qualifier = quoteIdentifier(schema);
  return {
    provider: 'postgresql',
    async query<R>(text: string, values: unknown[], name?: string) {
      statementCounter.count += 1;
      const result = await pool.query(name ? { name, text, values } : { text, values });
      return result.rows as R[];
    },
    table: (name) => `${qualifier}.${quoteIdentifier(name)}`,
  };
}
