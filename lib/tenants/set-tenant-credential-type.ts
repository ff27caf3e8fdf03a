import 'server-only';
import { db } from '@/lib/db/prisma';
import { TENANT_PUBLIC_FIELDS, type PublicTenant } from './tenant-fields';

export type TenantCredentialType = 'secret' | 'certificate';

export type SetTenantCredentialTypeResult = { ok: true; tenant: PublicTenant } | { ok: false; message: string };

/** Switches which stored credential MSAL uses; refused when the tenant has none of that kind. */
export async function setTenantCredentialType(
  tenantId: string,
  type: TenantCredentialType,
): Promise<SetTenantCredentialTypeResult> {
  const stored = await db().tenant.findUnique({
    where: { id: tenantId },
    select: { clientSecret: true, certificatePrivateKey: true },
  });
  if (!stored) return { ok: false, message: 'The tenant no longer exists.' };
  if (type === 'secret' && !stored.clientSecret) {
    return { ok: false, message: 'The tenant has no client secret: enter one first.' };
  }
  if (type === 'certificate' && !stored.certificatePrivateKey) {
    return { ok: false, message: 'The tenant has no certificate: generate or upload one first.' };
  }
  const tenant = await db().tenant.update({
    where: { id: tenantId },
    data: { credentialType: type, lastVerifiedAt: null, lastVerifyError: null },
    select: TENANT_PUBLIC_FIELDS,
  });
  return { ok: true, tenant };
}
