// PostgreSQL for tests: every caller gets its own empty database on the server named by TEST_POSTGRES_URL
// (default postgresql://postgres@127.0.0.1:5432/test), so test files can run in parallel. No server answering is a
// test failure with a clear message, never a silent skip.
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
