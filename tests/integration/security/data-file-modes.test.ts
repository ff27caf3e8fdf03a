// Finding 10 of issue 11: switchboard.db and its -wal were created 0644 in a 0755 folder, so any local user could
// read inbound mail and outbox bodies. Checked the way that user would: the mode bits of what a start leaves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyringFromFile } from '@/lib/crypto/keyring';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { createPrismaClient } from '@/lib/db/create-prisma-client';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-modes-'));
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data files are private to Switchboard’s user', () => {
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('a first start creates the data folder 0700 and the database, -wal and -shm 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = path.join(base, 'fresh', 'data');
      const config = resolveDatabaseConfig({ SWITCHBOARD_DATA_DIR: dataDir });
      if (config.provider !== 'sqlite') throw new Error('sqlite expected');
      await applyMigrations(config);
      keyringFromFile(dataDir);
      const client = createPrismaClient(config);
      await client.administrator.count();
      await client.rateLimitBucket.create({ data: { key: 'mode-check', count: 1, resetAt: new Date() } });
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const file of [config.file, `${config.file}-wal`, `${config.file}-shm`]) {
        expect(fs.existsSync(file), file).toBe(true);
        expect(modeOf(file).toString(8), file).toBe('600');
      }
      await client.$disconnect();
    } finally {
      process.umask(previous);
    }
  });

  it('a start over an install left open by an older version tightens the folder and the files', async () => {
    const dataDir = path.join(base, 'old');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    const file = path.join(dataDir, 'switchboard.db');
    for (const part of [file, `${file}-wal`]) {
      fs.writeFileSync(part, '');
      fs.chmodSync(part, 0o644);
    }
    fs.rmSync(`${file}-wal`);
    const config = resolveDatabaseConfig({ SWITCHBOARD_DATA_DIR: dataDir });
    await applyMigrations(config);
    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(file).toString(8)).toBe('600');
  });
});
