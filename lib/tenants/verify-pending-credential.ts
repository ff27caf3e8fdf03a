import 'server-only';
import { db } from '@/lib/db/prisma';
import type { MicrosoftError } from '@/lib/entra/describe-microsoft-error';
import { verifyCredentials } from '@/lib/entra/verify-tenant-credentials';
import { credentialTarget } from './credential-target';
import { pendingCredentialOf } from './pending-credential-of';

export type VerifyPendingResult =
  | { kind: 'verified'; tenantName: string; summary: string }
  | { kind: 'refused'; tenantName: string; error: MicrosoftError }
  | { kind: 'not-possible'; message: string };

export const PENDING_TARGET_MOVED =
  'The tenant’s cloud, sign-in host, Tenant ID or Client ID changed since the new credential was added: cancel it and add it again.';

/**
 * Verify new credential: a client-credentials token request with the pending secret or certificate (the current one
 * keeps serving every token meanwhile). The outcome is kept only if the pending credential is still the one that was
 * sent, so a verification can never vouch for a credential added while it ran.
 */
export async function verifyPendingCredential(tenantId: string): Promise<VerifyPendingResult> {
  const tenant = await db().tenant.findUnique({
    where: { id: tenantId },
    select: {
      name: true,
      cloud: true,
      authorityHost: true,
      graphBaseUrl: true,
      directoryId: true,
      clientId: true,
      pendingCredentialType: true,
      pendingClientSecret: true,
      pendingCertificatePem: true,
      pendingCertificatePrivateKey: true,
      pendingCertificateThumbprint: true,
      pendingCredentialSetAt: true,
      pendingCredentialFor: true,
    },
  });
  if (!tenant) return { kind: 'not-possible', message: 'The tenant no longer exists.' };
  const credential = pendingCredentialOf(tenant);
  if (!credential) return { kind: 'not-possible', message: 'There is no new credential to verify: add one first.' };
  if (tenant.pendingCredentialFor !== credentialTarget(tenant))
    return { kind: 'not-possible', message: PENDING_TARGET_MOVED };

  const result = await verifyCredentials({ ...tenant, credential });
  const { count } = await db().tenant.updateMany({
    where: {
      id: tenantId,
      pendingCredentialSetAt: tenant.pendingCredentialSetAt,
      pendingClientSecret: tenant.pendingClientSecret,
      pendingCertificatePrivateKey: tenant.pendingCertificatePrivateKey,
    },
    data: result.ok
      ? { pendingVerifiedAt: new Date(), pendingVerifyError: null }
      : { pendingVerifiedAt: null, pendingVerifyError: result.error.description || result.error.error },
  });
  if (count === 0)
    return {
      kind: 'not-possible',
      message: 'The new credential was replaced or cancelled meanwhile: reload the page.',
    };
  return result.ok
    ? { kind: 'verified', tenantName: tenant.name, summary: result.summary }
    : { kind: 'refused', tenantName: tenant.name, error: result.error };
}
