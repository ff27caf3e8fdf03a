import 'server-only';
import { db } from '@/lib/db/prisma';

/** Every key for the API keys page, newest first; never the hash. */
export function getApiKeys() {
  return db().apiKey.findMany({
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      createdByEmail: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
}
