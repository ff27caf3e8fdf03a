import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, keyIdFor } from '@/lib/crypto/keyring';
import { forgetKeyring } from '@/lib/crypto/load-keyring';
import { keyIdOf } from '@/lib/crypto/secret-box';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { resetEnvForTests } from '@/lib/env';
import { spawnWorker } from '../support/spawn-worker';
import { type TestDatabase, useFreshDatabase } from '../support/use-database';

// `npm run keys:rotate` as an operator runs it: a separate process on the same data folder and database.

async function rotate(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const worker = spawnWorker('scripts/keys-rotate.ts', [], env);
  let output = '';
  worker.child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker.child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => worker.child.once('exit', resolve));
  return { code, output };
}

async function storeSecret(value: string) {
  return db().tenant.create({
    data: {
      name: `Rotate ${crypto.randomBytes(3).toString('hex')}`,
      directoryId: 'contoso.onmicrosoft.com',
      clientId: crypto.randomUUID(),
      clientSecret: encryptSecret(value, 'Tenant.clientSecret'),
    },
  });
}

describe('npm run keys:rotate', () => {
  let database: TestDatabase;
  afterAll(async () => {
    delete process.env.SWITCHBOARD_ENCRYPTION_KEY;
    await database?.cleanup();
  });

  it('with the key file: adds a key, re-encrypts every secret, retires the old key and records it in the audit log', async () => {
    database = await useFreshDatabase('sqlite');
    const tenant = await storeSecret('file-mode-secret-value-1');
    const before = keyIdOf(tenant.clientSecret ?? '');

    const { code, output } = await rotate({ SWITCHBOARD_DATA_DIR: database.dataDir, DATABASE_URL: undefined });
    expect(code).toBe(0);
    expect(output).toMatch(/Re-encrypted: 1/);

    const file = JSON.parse(fs.readFileSync(path.join(database.dataDir, KEY_FILE_NAME), 'utf8')) as {
      current: string;
      keys: { id: string }[];
    };
    expect(file.current).not.toBe(before);
    expect(file.keys.map((k) => k.id)).toEqual([file.current]);
    forgetKeyring();
    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(keyIdOf(row.clientSecret ?? '')).toBe(file.current);
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', 'test')).toBe('file-mode-secret-value-1');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'keys.rotate' } });
    expect(audit.summary).toContain(file.current);
    expect(audit.details ?? '').not.toContain('file-mode-secret-value-1');
  });

  it('with SWITCHBOARD_ENCRYPTION_KEY="NEW,OLD": moves every secret to NEW', async () => {
    const oldKey = crypto.randomBytes(32).toString('base64');
    const newKey = crypto.randomBytes(32).toString('base64');
    await database.cleanup();
    database = await useFreshDatabase('sqlite');
    process.env.SWITCHBOARD_ENCRYPTION_KEY = oldKey;
    resetEnvForTests();
    forgetKeyring();
    const tenant = await storeSecret('env-mode-secret-value-2');
    expect(keyIdOf(tenant.clientSecret ?? '')).toBe(keyIdFor(Buffer.from(oldKey, 'base64')));

    const { code } = await rotate({
      SWITCHBOARD_DATA_DIR: database.dataDir,
      DATABASE_URL: undefined,
      SWITCHBOARD_ENCRYPTION_KEY: `${newKey},${oldKey}`,
    });
    expect(code).toBe(0);
    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(keyIdOf(row.clientSecret ?? '')).toBe(keyIdFor(Buffer.from(newKey, 'base64')));

    process.env.SWITCHBOARD_ENCRYPTION_KEY = newKey;
    resetEnvForTests();
    forgetKeyring();
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', 'test')).toBe('env-mode-secret-value-2');
  });

  it('names a secret it cannot decrypt, keeps the old keys and fails', async () => {
    // The database holds a value under a key this environment does not have.
    const { code, output } = await rotate({
      SWITCHBOARD_DATA_DIR: database.dataDir,
      DATABASE_URL: undefined,
      SWITCHBOARD_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    });
    expect(code).toBe(1);
    expect(output).toMatch(
      /Not rotated: Cannot decrypt Tenant 'Rotate [0-9a-f]+' client secret: it was encrypted with key k[0-9a-f]+, which this server does not have/,
    );
  });
});
