import 'server-only';
import { db } from '@/lib/db/prisma';

/** One connection for its page; never its token cache. */
export function getConnection(id: string) {
  return db().serviceConnection.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      nameCustomized: true,
      optionalCapabilities: true,
      state: true,
      accountUsername: true,
      grantedScopes: true,
      tokenExpiresAt: true,
      authenticatedAt: true,
      lastRefreshAt: true,
      lastError: true,
      createdAt: true,
      updatedAt: true,
      service: { select: { id: true, name: true, authType: true } },
      tenant: { select: { id: true, name: true } },
    },
  });
}
