import 'server-only';
import { db } from '@/lib/db/prisma';
import { type TenantCloud, tenantEndpoints } from '@/lib/entra/clouds';
import { serviceScopesOf, splitScopes } from '@/lib/entra/oauth-scopes';
import { scopesByGlobalName } from '@/lib/entra/scopes-by-global-name';
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
  tenant: {
    select: { cloud: true, authorityHost: true, graphBaseUrl: true, graphResource: true, exchangeResource: true },
  },
  service: { select: { authType: true, capabilities: { select: { key: true, scopes: true, optional: true } } } },
} as const;

/** Granted scopes by Microsoft's global names (a Custom cloud may name its own resources), as connection-fit reads them. */
function grantedByGlobalName(granted: string[], tenant: TenantCloud): string[] {
  try {
    return scopesByGlobalName(granted, tenantEndpoints(tenant));
  } catch {
    return granted; // a tenant whose cloud cannot be resolved: its connections fail at token time with the reason
  }
}

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
        grantedScopes: grantedByGlobalName(splitScopes(row.grantedScopes), row.tenant),
        requestedScopes: serviceScopesOf(row.service.capabilities, optionalCapabilities),
        appRoles: readAppRoles(row.appRoles),
      },
    };
  });
}
