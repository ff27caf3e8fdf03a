import 'server-only';
import type { Keyring } from '@/lib/crypto/keyring';
import { reencryptSecrets, type RotationResult } from '@/lib/crypto/reencrypt-secrets';
import type { Db } from '@/lib/db/create-prisma-client';
import { ENCRYPTED_FIELDS } from './encrypted-fields';

/** `npm run keys:rotate`: every stored secret of every layer re-encrypted under a new key. */
export async function rotateKeys(db: Db, keyring: Keyring): Promise<RotationResult> {
  return reencryptSecrets(db, keyring, ENCRYPTED_FIELDS);
}
