import 'server-only';
import { db } from '@/lib/db/prisma';

/** One service with its capabilities and the connections that use it, for the service's page. */
export function getService(id: string) {
  return db().service.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      builtInKey: true,
      provider: true,
      authType: true,
      description: true,
      updatedAt: true,
      capabilities: {
        select: { id: true, key: true, name: true, scopes: true, defaultScopes: true, optional: true, updatedAt: true },
        orderBy: { sortOrder: 'asc' },
      },
      connections: { select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 50 },
      _count: { select: { connections: true } },
    },
  });
}
