import 'server-only';
import { db } from '@/lib/db/prisma';
import { credentialDestinations } from './credential-destinations';
import type { VerifyTenantInput } from './schemas';

/**
 * Verify credentials on a saved tenant's form: the `oid` of the token Microsoft issued is the enterprise application's
 * object id of every application connection of the tenant, but only when the form still names the stored app
 * registration (same Client ID and Tenant ID, credentials going to the same place); values typed and not saved say
 * nothing about the stored tenant.
 */
export async function recordVerifiedServicePrincipal(input: VerifyTenantInput, servicePrincipalId: string | null) {
  if (!input.id || !servicePrincipalId) return;
  const stored = await db().tenant.findUnique({
    where: { id: input.id },
    select: { cloud: true, authorityHost: true, graphBaseUrl: true, directoryId: true, clientId: true },
  });
  if (!stored) return;
  const same =
    stored.clientId.toLowerCase() === input.clientId.toLowerCase() &&
    stored.directoryId.toLowerCase() === input.directoryId.toLowerCase() &&
    credentialDestinations(stored).authority === credentialDestinations(input).authority;
  if (!same) return;
  await db().serviceConnection.updateMany({
    where: { tenantId: input.id, service: { authType: 'application' } },
    data: { servicePrincipalId, servicePrincipalIdAt: new Date() },
  });
}
