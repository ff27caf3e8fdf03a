import 'server-only';
import { db } from '@/lib/db/prisma';
import { BUILT_IN_SERVICES } from './built-in-services';

const BUILT_IN_ORDER = BUILT_IN_SERVICES.map((service) => service.builtInKey);

/** Every service for the Services list: built-ins first, in the guides' order, then the administrators' own. */
export async function getServices() {
  const services = await db().service.findMany({
    select: {
      id: true,
      name: true,
      builtInKey: true,
      authType: true,
      description: true,
      capabilities: {
        select: { id: true, key: true, name: true, scopes: true, defaultScopes: true, optional: true },
        orderBy: { sortOrder: 'asc' },
      },
      _count: { select: { connections: true } },
    },
    orderBy: { name: 'asc' },
  });
  const rank = (key: string | null) => (key === null ? BUILT_IN_ORDER.length : BUILT_IN_ORDER.indexOf(key));
  return services
    .map(({ _count, ...service }) => ({ ...service, connectionCount: _count.connections }))
    .sort((a, b) => rank(a.builtInKey) - rank(b.builtInKey));
}
