// Runs one SQL query against either provider's test database (plain drivers, outside the code under test).
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../../../lib/db/database-config';
import { postgresConnectionFields, postgresSchema, quoteIdentifier } from '../../../lib/db/database-config';

export async function queryRows<T>(config: DatabaseConfig, sql: string, params: unknown[] = []): Promise<T[]> {
  if (config.provider === 'sqlite') {
    const db = new Database(config.file);
    try {
      const statement = db.prepare(sql.replace(/\$\d+/g, '?'));
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client(postgresConnectionFields(config.url));
  await client.connect();
  try {
    // The URL's schema via a transaction-local search_path: on PGlite every connection shares one session, so a
    // connection-level search_path could be changed under us by another test.
    await client.query('BEGIN');
    await client.query(`SET LOCAL search_path TO ${quoteIdentifier(postgresSchema(config.url))}`);
    const { rows } = await client.query(sql, params);
    await client.query('COMMIT');
    return rows as T[];
  } finally {
    await client.end();
  }
}

export async function tableExists(config: DatabaseConfig, table: string): Promise<boolean> {
  const sql =
    config.provider === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1"
      : 'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1';
  return (await queryRows(config, sql, [table])).length > 0;
}
