import 'server-only';
import { db } from '@/lib/db/prisma';
import { serviceScopesOf, splitScopes } from '@/lib/entra/oauth-scopes';
import type { ConnectionFacts } from './connection-fit';
import { readAppRoles } from '@/lib/entra/app-roles';

export interface ConnectionWithFacts {
  id: string;
  name: string;
  accountUsername: string | null;
  /** The tenant's cloud: where its tokens may go (lib/entra/clouds). */
  cloud: string;
  serviceName: string;
  optionalCapabilities: string[];
  facts: ConnectionFacts;
}

const SELECT = {
  id: true,
  name: true,
  state: true,
  lastError: true,
  accountUsername: true,
  grantedScopes: true,
  optionalCapabilities: true,
  appRoles: true,
  serviceName: true,
  tenant: { select: { cloud: true } },
  service: { select: { authType: true, capabilities: { select: { key: true, scopes: true, optional: true } } } },
} as const;

/** What the connection lists and the save checks judge connections by (lib/connections/connection-fit). */
export async function getConnectionFacts(ids?: string[]): Promise<ConnectionWithFacts[]> {
  const rows = await db().serviceConnection.findMany({
    ...(ids ? { where: { id: { in: ids } } } : {}),
    orderBy: { name: 'asc' },
    take: 500,
    select: SELECT,
  });
  return rows.map((row) => {
    const optionalCapabilities = splitScopes(row.optionalCapabilities);
    return {
      id: row.id,
      name: row.name,
      accountUsername: row.accountUsername,
      cloud: row.tenant.cloud,
      serviceName: row.serviceName,
      optionalCapabilities,
      facts: {
        name: row.name,
        authType: row.service.authType === 'application' ? 'application' : 'delegated',
        state: row.state,
        lastError: row.lastError,
        grantedScopes: splitScopes(row.grantedScopes),
        requestedScopes: serviceScopesOf(row.service.capabilities, optionalCapabilities),
        appRoles: readAppRoles(row.appRoles),
      },
    };
  });
}
