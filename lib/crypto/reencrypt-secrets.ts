import 'server-only';
import type { Db } from '@/lib/db/create-prisma-client';
import type { EncryptedField } from './encrypted-fields';
import { generateKey, type Keyring, writeKeyFile } from './keyring';
import { decryptWith, encryptWith, keyIdOf } from './secret-box';

export interface RotationResult {
  newKeyId: string;
  reencrypted: number;
  alreadyCurrent: number;
  failures: string[];
  retiredKeyIds: string[];
}

/**
 * Re-encrypts the values of `fields` under a new key; lib/composition/rotate-keys.ts passes every encrypted column.
 * In file mode a key is generated and added first; in environment mode the operator has put the new key first in
 * SWITCHBOARD_ENCRYPTION_KEY. Old keys stay readable until every value has moved; only then are they dropped from
 * the key file.
 */
export async function reencryptSecrets(
  db: Db,
  keyring: Keyring,
  fields: readonly EncryptedField[],
): Promise<RotationResult> {
  let ring = keyring;
  if (keyring.source === 'file' && keyring.file) {
    const fresh = generateKey();
    const keys = new Map(keyring.keys);
    keys.set(fresh.id, fresh);
    writeKeyFile(keyring.file, fresh, keys.values());
    ring = { ...keyring, current: fresh, keys };
  }

  const result: RotationResult = {
    newKeyId: ring.current.id,
    reencrypted: 0,
    alreadyCurrent: 0,
    failures: [],
    retiredKeyIds: [],
  };
  for (const field of fields) {
    for (const row of await field.list(db)) {
      if (keyIdOf(row.value) === ring.current.id) {
        result.alreadyCurrent += 1;
        continue;
      }
      try {
        const plaintext = decryptWith(ring, row.value, field.context, row.label);
        const replaced = await field.replace(db, row.id, row.value, encryptWith(ring, plaintext, field.context));
        if (replaced) result.reencrypted += 1;
        else result.failures.push(`${row.label}: changed during rotation; run the rotation again`);
      } catch (error) {
        result.failures.push((error as Error).message);
      }
    }
  }

  if (result.failures.length === 0 && ring.source === 'file' && ring.file) {
    result.retiredKeyIds = [...ring.keys.keys()].filter((id) => id !== ring.current.id);
    writeKeyFile(ring.file, ring.current, [ring.current]);
  }
  return result;
}
