// A fresh, empty database of either provider for one test, plus its removal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig, DatabaseProvider } from '../../../lib/db/database-config';
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
