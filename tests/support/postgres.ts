// PostgreSQL for tests: every caller gets its own empty database on the server named by TEST_POSTGRES_URL
// (default postgresql://postgres@127.0.0.1:5432/test), so test files can run in parallel. No server answering is a
// test failure with a clear message, never a silent skip. On PGlite's socket server, which serves one database
// whatever name is asked for, the "database" is a schema of its own and the URL carries `?schema=`: the migrator
// and createPrismaClient honour it, but raw SQL must qualify table names there (PGlite's connections share one
// session, so a per-connection search_path cannot be relied on).
import { createTemporaryDatabase, testPostgresUrl } from '../../scripts/db/postgres-admin';

export interface TestPostgresDatabase {
  /** postgresql:// URL of the new, empty database. */
  url: string;
  /** Drops the database (closing any connection still open to it). Safe to call twice. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestPostgresDatabase> {
  const database = await createTemporaryDatabase(testPostgresUrl(), 'switchboard_test');
  return { url: database.url, drop: () => database.drop() };
}
