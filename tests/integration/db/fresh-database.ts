// A fresh, empty database of either provider for one test, plus its removal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig, DatabaseProvider } from '../../../lib/db/database-config';
import { createSeparateDatabase, startPrivatePglite, testPostgresUrl } from '../../../scripts/db/postgres-admin';
import { createTestDatabase } from '../../support/postgres';

export interface FreshDatabase {
  config: DatabaseConfig;
  cleanup(): Promise<void>;
}

export async function freshDatabase(provider: DatabaseProvider): Promise<FreshDatabase> {
  if (provider === 'postgresql') {
    const database = await createTestDatabase();
    return { config: { provider, url: database.url }, cleanup: () => database.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-db-test-'));
  return {
    config: { provider, file: join(dir, 'switchboard.db') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * For tests that point the schema engine itself at the database: it must be a database of its own in the `public`
 * schema, because the engine finds `_prisma_migrations` through the session's search_path, which PGlite's shared
 * session cannot keep per connection. On such a server, a private PGlite stands in.
 */
export async function freshDatabaseForEngine(provider: DatabaseProvider): Promise<FreshDatabase> {
  if (provider === 'sqlite') return freshDatabase(provider);
  const separate = await createSeparateDatabase(testPostgresUrl(), 'switchboard_test');
  if (separate) return { config: { provider, url: separate.url }, cleanup: () => separate.drop() };
  const pglite = await startPrivatePglite();
  return { config: { provider, url: pglite.url }, cleanup: () => pglite.stop() };
}
