import 'server-only';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import type { CertificateMaterial } from './certificate-material';
import { credentialTarget } from './credential-target';

export type PendingCredential =
  { kind: 'secret'; clientSecret: string; expiresAt: Date } | { kind: 'certificate'; material: CertificateMaterial };

/** What the audit entry and the answer may say of the new credential: never its value or key. */
export interface PendingCredentialFacts {
  tenantName: string;
  kind: 'secret' | 'certificate';
  /** A secret's last characters, or a certificate's SHA-256 thumbprint. */
  hint: string | null;
  expiresOn: string;
}

export type SetPendingCredentialResult = ({ ok: true } & PendingCredentialFacts) | { ok: false; message: string };

/**
 * Rotate credential, first step: a new client secret or certificate is stored beside the current one (the secret
 * and the private key as ciphertexts) and used for nothing until it is verified and switched to. It replaces a
 * pending one added before, and any verification of that one.
 */
export async function setPendingCredential(
  tenantId: string,
  pending: PendingCredential,
): Promise<SetPendingCredentialResult> {
  const tenant = await db().tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, cloud: true, authorityHost: true, graphBaseUrl: true, directoryId: true, clientId: true },
  });
  if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
  const secret = pending.kind === 'secret';
  const hint = secret ? secretHint(pending.clientSecret) || null : pending.material.thumbprintSha256;
  const expiresAt = secret ? pending.expiresAt : pending.material.expiresAt;
  await db().tenant.update({
    where: { id: tenantId },
    data: {
      pendingCredentialType: pending.kind,
      pendingClientSecret: secret ? encryptSecret(pending.clientSecret, 'Tenant.pendingClientSecret') : null,
      pendingClientSecretHint: secret ? hint : null,
      pendingClientSecretExpiresAt: secret ? expiresAt : null,
      pendingCertificatePem: secret ? null : pending.material.certificatePem,
      pendingCertificatePrivateKey: secret
        ? null
        : encryptSecret(pending.material.privateKeyPem, 'Tenant.pendingCertificatePrivateKey'),
      pendingCertificateThumbprint: secret ? null : pending.material.thumbprintSha256,
      pendingCertificateExpiresAt: secret ? null : expiresAt,
      pendingCredentialSetAt: new Date(),
      pendingCredentialFor: credentialTarget(tenant),
      pendingVerifiedAt: null,
      pendingVerifyError: null,
    },
  });
  return {
    ok: true,
    tenantName: tenant.name,
    kind: pending.kind,
    hint,
    expiresOn: expiresAt.toISOString().slice(0, 10),
  };
}
