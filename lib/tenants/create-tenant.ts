import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { TENANT_NAME_TAKEN, type CreateTenantInput } from './schemas';
import { tenantSecretFields } from './tenant-secret-fields';
import { TENANT_PUBLIC_FIELDS, type PublicTenant } from './tenant-fields';

export type CreateTenantResult =
  { ok: true; tenant: PublicTenant } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Stores a new tenant; the client secret only as ciphertext plus its last four characters. A tenant that is to use a
 * certificate may have no secret: its page generates or takes the certificate next.
 */
export async function createTenant(
  input: Omit<CreateTenantInput, 'credentialType' | 'graphResource' | 'exchangeResource'> &
    Partial<Pick<CreateTenantInput, 'credentialType' | 'graphResource' | 'exchangeResource'>>,
): Promise<CreateTenantResult> {
  try {
    const tenant = await db().tenant.create({
      data: {
        name: input.name,
        cloud: input.cloud,
        authorityHost: input.authorityHost,
        graphBaseUrl: input.graphBaseUrl,
        graphResource: input.graphResource ?? null,
        exchangeResource: input.exchangeResource ?? null,
        directoryId: input.directoryId,
        clientId: input.clientId,
        credentialType: input.credentialType ?? 'secret',
        ...(input.clientSecret ? tenantSecretFields(input.clientSecret) : {}),
        clientSecretExpiresAt: input.expiresOn,
      },
      select: TENANT_PUBLIC_FIELDS,
    });
    return { ok: true, tenant };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { name: TENANT_NAME_TAKEN } };
    throw error;
  }
}
