import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { hashApiKey } from './hash-api-key';

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** The key itself: shown once, never stored. */
  key: string;
}

/** A new key "sbk_…": only its hash and its first characters (to recognise it in the list) are kept. */
export async function createApiKey(name: string, createdBy: { id: string; email: string }): Promise<CreatedApiKey> {
  const key = `sbk_${crypto.randomBytes(24).toString('base64url')}`;
  const prefix = key.slice(0, 12);
  const row = await db().apiKey.create({
    data: { name, prefix, keyHash: hashApiKey(key), createdById: createdBy.id, createdByEmail: createdBy.email },
    select: { id: true },
  });
  return { id: row.id, name, prefix, key };
}
