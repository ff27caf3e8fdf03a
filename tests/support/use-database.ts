import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forgetKeyring } from '@/lib/crypto/load-keyring';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { disconnectDb } from '@/lib/db/prisma';
import { resetEnvForTests } from '@/lib/env';
import { createTestDatabase } from './postgres';

export type Provider = 'sqlite' | 'postgresql';
export const PROVIDERS: Provider[] = ['sqlite', 'postgresql'];

export interface TestDatabase {
  provider: Provider;
  dataDir: string;
  sqliteFile?: string;
  postgresUrl?: string;
  cleanup(): Promise<void>;
}

/**
 * Points this test process's Switchboard at a fresh database of the given kind and a fresh data folder (so a fresh
 * key file), with every migration applied. Each test file runs in its own process, so this is safe in parallel.
 */
export async function useFreshDatabase(provider: Provider): Promise<TestDatabase> {
  await disconnectDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
  process.env.SWITCHBOARD_DATA_DIR = dataDir;
  delete process.env.SWITCHBOARD_ENCRYPTION_KEY;
  let drop: (() => Promise<void>) | undefined;
  let postgresUrl: string | undefined;
  if (provider === 'postgresql') {
    const database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    postgresUrl = database.url;
    drop = database.drop;
  } else {
    delete process.env.DATABASE_URL;
  }
  resetEnvForTests();
  forgetKeyring();
  const config = resolveDatabaseConfig();
  await applyMigrations(config);
  return {
    provider,
    dataDir,
    sqliteFile: config.provider === 'sqlite' ? config.file : undefined,
    postgresUrl,
    async cleanup() {
      await disconnectDb();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
