import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, keyFileMode } from '@/lib/crypto/keyring';
import { loadKeyring } from '@/lib/crypto/load-keyring';
import { rotateKeys } from '@/lib/composition/rotate-keys';
import { keyIdOf } from '@/lib/crypto/secret-box';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { dumpDatabase } from '../support/dump-database';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../support/use-database';

const CONTEXT = 'Tenant.clientSecret';

async function storeTenant(name: string, secret: string) {
  return db().tenant.create({
    data: {
      name,
      directoryId: 'contoso.onmicrosoft.com',
      clientId: crypto.randomUUID(),
      clientSecret: encryptSecret(secret, CONTEXT),
    },
  });
}

describe.each(PROVIDERS)('secrets at rest on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
  });
  afterAll(async () => database.cleanup());

  it('generates the key file once, mode 0600, and reuses it', () => {
    const file = path.join(database.dataDir, KEY_FILE_NAME);
    const first = loadKeyring().current.id;
    expect(fs.existsSync(file)).toBe(true);
    expect(keyFileMode(file)).toBe(0o600);
    expect(loadKeyring().current.id).toBe(first);
  });

  it('keeps every secret out of the database in plaintext, and rotation re-encrypts all of them', async () => {
    const secrets = Array.from({ length: 3 }, (_, i) => `SB-PLAINTEXT-${i}-${crypto.randomBytes(12).toString('hex')}`);
    const tenants = [];
    for (const [i, secret] of secrets.entries()) tenants.push(await storeTenant(`${provider} tenant ${i}`, secret));
    const oldKey = loadKeyring().current.id;

    let dump = await dumpDatabase(database);
    for (const secret of secrets) expect(dump).not.toContain(secret);
    expect(dump).toContain(oldKey);

    const result = await rotateKeys(db(), loadKeyring());
    expect(result.failures).toEqual([]);
    expect(result.reencrypted).toBe(3);
    expect(result.newKeyId).not.toBe(oldKey);
    expect(result.retiredKeyIds).toEqual([oldKey]);

    const keyring = loadKeyring();
    expect([...keyring.keys.keys()]).toEqual([result.newKeyId]);
    for (const [i, tenant] of tenants.entries()) {
      const row = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      expect(keyIdOf(row.clientSecret ?? '')).toBe(result.newKeyId);
      expect(decryptSecret(row.clientSecret ?? '', CONTEXT, row.name)).toBe(secrets[i]);
    }
    dump = await dumpDatabase(database);
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });

  it('reports a tampered ciphertext by record, and rotation keeps the old key when one fails', async () => {
    const tenant = await storeTenant(`${provider} tampered`, 'value-that-will-be-tampered');
    const sealed = tenant.clientSecret ?? '';
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 0xff;
    parts[3] = body.toString('base64url');
    await db().tenant.update({ where: { id: tenant.id }, data: { clientSecret: parts.join('.') } });

    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(() => decryptSecret(row.clientSecret ?? '', CONTEXT, `Tenant '${row.name}' client secret`)).toThrow(
      `Cannot decrypt Tenant '${provider} tampered' client secret: the stored value was altered`,
    );

    const before = loadKeyring().current.id;
    const result = await rotateKeys(db(), loadKeyring());
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toContain(`Tenant '${provider} tampered' client secret`);
    expect(result.retiredKeyIds).toEqual([]);
    expect(loadKeyring().keys.has(before)).toBe(true);
    await db().tenant.delete({ where: { id: tenant.id } });
  });
});
