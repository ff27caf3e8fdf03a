import 'server-only';
import { db } from '@/lib/db/prisma';

export type CancelPendingResult = { ok: true; tenantName: string } | { ok: false; message: string };

/** Cancel: the new credential of a Rotate credential is discarded (its ciphertext erased); the current one stays. */
export async function cancelPendingCredential(tenantId: string): Promise<CancelPendingResult> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
  if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
  const { count } = await db().tenant.updateMany({
    where: { id: tenantId, pendingCredentialType: { not: null } },
    data: {
      pendingCredentialType: null,
      pendingClientSecret: null,
      pendingClientSecretHint: null,
      pendingClientSecretExpiresAt: null,
      pendingCertificatePem: null,
      pendingCertificatePrivateKey: null,
      pendingCertificateThumbprint: null,
      pendingCertificateExpiresAt: null,
      pendingCredentialSetAt: null,
      pendingCredentialFor: null,
      pendingVerifiedAt: null,
      pendingVerifyError: null,
    },
  });
  if (count === 0) return { ok: false, message: 'There is no new credential to cancel.' };
  return { ok: true, tenantName: tenant.name };
}
