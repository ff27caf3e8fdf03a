import 'server-only';
import { encryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import type { CertificateMaterial } from './certificate-material';
import { TENANT_PUBLIC_FIELDS, type PublicTenant } from './tenant-fields';

export type SetTenantCertificateResult = { ok: true; tenant: PublicTenant } | { ok: false; message: string };

/**
 * Gives a tenant its certificate and makes it the credential MSAL uses: the public certificate, its SHA-256
 * thumbprint and expiry in clear, the private key only as ciphertext. The client secret, if any, stays stored
 * (switching back needs no retyping), but is no longer sent.
 */
export async function setTenantCertificate(
  tenantId: string,
  material: CertificateMaterial,
): Promise<SetTenantCertificateResult> {
  const existing = await db().tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!existing) return { ok: false, message: 'The tenant no longer exists.' };
  const tenant = await db().tenant.update({
    where: { id: tenantId },
    data: {
      credentialType: 'certificate',
      certificatePem: material.certificatePem,
      certificatePrivateKey: encryptSecret(material.privateKeyPem, 'Tenant.certificatePrivateKey'),
      certificateThumbprint: material.thumbprintSha256,
      certificateExpiresAt: material.expiresAt,
      certificateSetAt: new Date(),
      // The last verification was of another credential.
      lastVerifiedAt: null,
      lastVerifyError: null,
    },
    select: TENANT_PUBLIC_FIELDS,
  });
  return { ok: true, tenant };
}
