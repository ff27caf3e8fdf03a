import fs from 'node:fs';
import pg from 'pg';
import type { TestDatabase } from './use-database';

/**
 * Everything the database holds, as text: the SQLite file with its WAL, or every row of every table of the
 * PostgreSQL database rendered by the server (a logical dump that works on any server version, PGlite included).
 */
export async function dumpDatabase(database: TestDatabase): Promise<string> {
  if (database.sqliteFile) {
    return [database.sqliteFile, `${database.sqliteFile}-wal`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'))
      .join('\n');
  }
  const client = new pg.Client({ connectionString: database.postgresUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const parts: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      parts.push(`-- ${table_name}`, ...rows.rows.map((r) => r.row));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}
