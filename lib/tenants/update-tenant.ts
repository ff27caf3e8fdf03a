import 'server-only';
import { followParentRename } from '@/lib/connections/follow-parent-rename';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { TENANT_NAME_TAKEN, type UpdateTenantInput } from './schemas';
import { tenantSecretFields } from './tenant-secret-fields';

export type UpdateTenantResult =
  | { ok: true; name: string; changed: string[]; renamedConnections: number }
  | { ok: false; message?: string; fieldErrors?: Record<string, string> };

const COMPARED = ['name', 'cloud', 'authorityHost', 'graphBaseUrl', 'directoryId', 'clientId'] as const;

function sameDay(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

/**
 * Saves a tenant's form. A blank Client Secret keeps the stored one; a new one replaces it (and its hint and date).
 * Returns the names of the changed fields, for the audit log, never their secret values.
 */
export async function updateTenant(input: UpdateTenantInput): Promise<UpdateTenantResult> {
  const current = await db().tenant.findUnique({
    where: { id: input.id },
    select: { id: true, name: true, cloud: true, authorityHost: true, graphBaseUrl: true, directoryId: true, clientId: true, clientSecretExpiresAt: true },
  });
  if (!current) return { ok: false, message: 'This tenant no longer exists.' };

  const changed: string[] = COMPARED.filter((field) => current[field] !== input[field]);
  if (!sameDay(current.clientSecretExpiresAt, input.expiresOn)) changed.push('clientSecretExpiresAt');
  if (input.clientSecret) changed.push('clientSecret');
  const credentialsChanged = changed.some((field) => field !== 'name' && field !== 'clientSecretExpiresAt');

  try {
    const renamedConnections = await db().$transaction(async (tx) => {
      await tx.tenant.update({
        where: { id: input.id },
        data: {
          name: input.name,
          cloud: input.cloud,
          authorityHost: input.authorityHost,
          graphBaseUrl: input.graphBaseUrl,
          directoryId: input.directoryId,
          clientId: input.clientId,
          clientSecretExpiresAt: input.expiresOn,
          ...(input.clientSecret ? tenantSecretFields(input.clientSecret) : {}),
          // A verification proves one set of credentials; it says nothing about new ones.
          ...(credentialsChanged ? { lastVerifiedAt: null, lastVerifyError: null } : {}),
        },
      });
      return current.name === input.name ? 0 : followParentRename(tx, { tenantId: input.id, tenantName: input.name });
    });
    return { ok: true, name: input.name, changed, renamedConnections };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const taken = await db().tenant.findFirst({ where: { name: input.name, id: { not: input.id } }, select: { id: true } });
    return {
      ok: false,
      fieldErrors: {
        name: taken ? TENANT_NAME_TAKEN : 'Renaming would give one of this tenant’s connections the name of another connection',
      },
    };
  }
}
