import 'server-only';
import { db } from '@/lib/db/prisma';
import { tenantEndpoints } from '@/lib/entra/clouds';
import { missingScopes, resourcesOf, scopesForResource, serviceScopesOf, splitScopes } from '@/lib/entra/oauth-scopes';
import { scopesForCloud } from '@/lib/entra/scopes-for-cloud';

export interface ConnectionAuthStatus {
  id: string;
  state: string;
  accountUsername: string | null;
  grantedScopes: string[];
  missingScopes: string[];
  authenticatedAt: string | null;
  lastError: string | null;
  authType: string;
}

/** What the connection form shows about the sign-in: never a token, only what Microsoft granted and when. */
export async function getConnectionAuthStatus(id: string): Promise<ConnectionAuthStatus | null> {
  const row = await db().serviceConnection.findUnique({
    where: { id },
    select: {
      id: true,
      state: true,
      accountUsername: true,
      grantedScopes: true,
      optionalCapabilities: true,
      authenticatedAt: true,
      lastError: true,
      service: {
        select: {
          authType: true,
          builtInKey: true,
          capabilities: { select: { key: true, scopes: true, optional: true } },
        },
      },
      tenant: {
        select: { cloud: true, authorityHost: true, graphBaseUrl: true, graphResource: true, exchangeResource: true },
      },
    },
  });
  if (!row) return null;
  const asked = serviceScopesOf(row.service.capabilities, splitScopes(row.optionalCapabilities));
  // What the sign-in asked for: a built-in service's scopes as the tenant's cloud names them (lib/entra/load-connection-credentials).
  const requested = row.service.builtInKey ? scopesForCloud(asked, tenantEndpoints(row.tenant)) : asked;
  const granted = splitScopes(row.grantedScopes);
  const firstResource = resourcesOf(requested)[0];
  return {
    id: row.id,
    state: row.state,
    accountUsername: row.accountUsername,
    grantedScopes: granted,
    // Only the first resource's scopes come back at sign-in; the others are granted when first used.
    missingScopes:
      row.state === 'authenticated' && firstResource && granted.length
        ? missingScopes(scopesForResource(requested, firstResource), granted)
        : [],
    authenticatedAt: row.authenticatedAt?.toISOString() ?? null,
    lastError: row.lastError,
    authType: row.service.authType,
  };
}
