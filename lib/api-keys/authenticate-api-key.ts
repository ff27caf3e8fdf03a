import 'server-only';
import { db } from '@/lib/db/prisma';
import { hashApiKey } from './hash-api-key';

export interface ApiCaller {
  keyId: string;
  name: string;
}

const LAST_USED_GRANULARITY_MS = 60_000;

/** The caller of `Authorization: Bearer <key>`, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiCaller | null> {
  // Auth schemes are case-insensitive (RFC 9110 §11.1): `bearer` and `BEARER` are the same scheme.
  const match = /^Bearer\s+(sbk_[A-Za-z0-9_-]{20,100})\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return null;
  const key = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(match[1]) },
    select: { id: true, name: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt) return null;
  const now = Date.now();
  // "Last used" to the minute: no write on every request of a busy program.
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { keyId: key.id, name: key.name };
}
