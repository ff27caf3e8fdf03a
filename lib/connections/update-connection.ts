import 'server-only';
import { db } from '@/lib/db/prisma';
import { forgetAccessTokens } from '@/lib/entra/recent-access-tokens';
import { SIGNED_OUT } from './signed-out';
import { isUniqueViolation } from '@/lib/db/errors';
import type { SaveConnectionResult } from './create-connection';
import { generatedConnectionName } from './generated-name';
import { termsOfName } from './search-terms';
import { CONNECTION_NAME_TAKEN, type UpdateConnectionInput } from './schemas';
import { knownOptionalCapabilities } from './known-optional-capabilities';

/**
 * Saves a connection's form. Moving it to another service or tenant drops its sign-in: tokens issued for one
 * app registration and scope set are no use to another.
 */
export async function updateConnection(
  input: UpdateConnectionInput,
): Promise<SaveConnectionResult & { signInDropped?: boolean }> {
  const [current, service, tenant] = await Promise.all([
    db().serviceConnection.findUnique({
      where: { id: input.id },
      select: { name: true, serviceId: true, tenantId: true, tokenCache: true, state: true },
    }),
    db().service.findUnique({ where: { id: input.serviceId }, select: { id: true, name: true, authType: true } }),
    db().tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, name: true } }),
  ]);
  if (!current) return { ok: false, message: 'This connection no longer exists.' };
  const fieldErrors: Record<string, string> = {};
  if (!service) fieldErrors.serviceId = 'This service no longer exists: choose another';
  if (!tenant) fieldErrors.tenantId = 'This tenant no longer exists: choose another';
  if (!service || !tenant) return { ok: false, fieldErrors };

  const moved = current.serviceId !== service.id || current.tenantId !== tenant.id;
  const signInDropped = moved && (current.tokenCache !== null || current.state !== 'not_authenticated');
  const name = input.nameCustomized ? input.name : generatedConnectionName(service.name, tenant.name);
  try {
    await db().serviceConnection.update({
      where: { id: input.id },
      data: {
        name,
        nameCustomized: input.nameCustomized,
        serviceId: service.id,
        serviceName: service.name,
        tenantId: tenant.id,
        tenantName: tenant.name,
        ...(input.optionalCapabilities
          ? { optionalCapabilities: await knownOptionalCapabilities(service.id, input.optionalCapabilities) }
          : {}),
        ...(name !== current.name
          ? { searchTerms: { deleteMany: {}, create: termsOfName(name).map((term) => ({ term })) } }
          : {}),
        // Another app registration has another enterprise application: its object id is learnt again.
        ...(moved ? { ...SIGNED_OUT, servicePrincipalId: null, servicePrincipalIdAt: null } : {}),
      },
    });
    if (moved) forgetAccessTokens(input.id);
    const signedOut = moved || current.state === 'not_authenticated';
    return {
      ok: true,
      id: input.id,
      name,
      serviceName: service.name,
      tenantName: tenant.name,
      signInDropped,
      awaitsSignIn: signedOut && service.authType !== 'application',
    };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { name: CONNECTION_NAME_TAKEN } };
    throw error;
  }
}
