import 'server-only';
import { db } from '@/lib/db/prisma';
import { type ConnectionContext, connectionContextOf } from './connection-context';
import { serviceScopesOf, splitScopes } from './oauth-scopes';
import { scopesForCloud } from './scopes-for-cloud';
import { missingCredentialOf, tenantCredentialsOf } from './tenant-credentials';

export type ConnectionCredentials = NonNullable<Awaited<ReturnType<typeof loadConnectionCredentials>>>;

export class MissingClientSecretError extends Error {
  constructor(
    message: string,
    readonly context: ConnectionContext,
  ) {
    super(message);
  }
}

/**
 * A connection with what MSAL needs: the tenant's credentials (secret or certificate key decrypted), the service's scopes as the tenant's
 * cloud names them (a built-in service stores global names), and the connection's context for the token's consumers.
 */
export async function loadConnectionCredentials(connectionId: string) {
  const connection = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    include: { tenant: true, service: { include: { capabilities: { orderBy: { sortOrder: 'asc' } } } } },
  });
  if (!connection) return null;
  const { tenant, service } = connection;
  const context = connectionContextOf(connection);
  const credentials = tenantCredentialsOf(tenant);
  if (!credentials) throw new MissingClientSecretError(missingCredentialOf(tenant) ?? 'No credential', context);
  const scopes = serviceScopesOf(service.capabilities, splitScopes(connection.optionalCapabilities));
  return {
    connection,
    context,
    tenant: credentials,
    tenantName: tenant.name,
    authType: context.authType,
    serviceScopes: service.builtInKey ? scopesForCloud(scopes, context.endpoints) : scopes,
  };
}
