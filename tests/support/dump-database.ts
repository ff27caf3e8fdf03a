import fs from 'node:fs';
import pg from 'pg';
import type { TestDatabase } from './use-database';

/**
 * Everything the database holds, as text: the SQLite file with its WAL, or every row of every table of the
 * PostgreSQL database rendered by the server (a logical dump that works on any server version, PGlite included).
 * Refuses an empty dump, so a wrong schema cannot make "the secret is absent" pass vacuously.
 */
export async function dumpDatabase(database: TestDatabase): Promise<string> {
  if (database.sqliteFile) {
    return [database.sqliteFile, `${database.sqliteFile}-wal`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'))
      .join('\n');
  }
  // On PGlite (one database per server) each test database is a schema named by ?schema=.
  const url = new URL(database.postgresUrl ?? '');
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
      [schema],
    );
    const parts: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${table_name}" t`);
      parts.push(`-- ${table_name}`, ...rows.rows.map((r) => r.row));
    }
    if (tables.rows.length === 0) throw new Error(`No tables in schema ${schema}: the dump would prove nothing`);
    return parts.join('\n');
  } finally {
    await client.end();
  }
}
