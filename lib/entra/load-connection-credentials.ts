import 'server-only';
import { db } from '@/lib/db/prisma';
import { serviceScopesOf, splitScopes } from './oauth-scopes';
import { tenantCredentialsOf } from './tenant-credentials';

export type ConnectionCredentials = NonNullable<Awaited<ReturnType<typeof loadConnectionCredentials>>>;

export class MissingClientSecretError extends Error {}

/** A connection with what MSAL needs: the tenant's credentials (secret decrypted) and the service's scopes. */
export async function loadConnectionCredentials(connectionId: string) {
  const connection = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    include: { tenant: true, service: { include: { capabilities: { orderBy: { sortOrder: 'asc' } } } } },
  });
  if (!connection) return null;
  const { tenant, service } = connection;
  if (!tenant.clientSecret) {
    throw new MissingClientSecretError(`Tenant '${tenant.name}' has no client secret. Add one under Tenants.`);
  }
  const credentials = tenantCredentialsOf({ ...tenant, clientSecret: tenant.clientSecret });
  return {
    connection,
    tenant: credentials,
    tenantName: tenant.name,
    authType: service.authType === 'application' ? ('application' as const) : ('delegated' as const),
    serviceScopes: serviceScopesOf(service.capabilities, splitScopes(connection.optionalCapabilities)),
  };
}
