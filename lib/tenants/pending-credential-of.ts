import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import type { TenantCredential } from '@/lib/entra/msal-client-credential';

export interface StoredPendingCredential {
  name: string;
  pendingCredentialType: string | null;
  pendingClientSecret: string | null;
  pendingCertificatePem: string | null;
  pendingCertificatePrivateKey: string | null;
  pendingCertificateThumbprint: string | null;
}

/** The new credential of a Rotate credential, decrypted for one request to Microsoft; null when there is none. */
export function pendingCredentialOf(tenant: StoredPendingCredential): TenantCredential | null {
  if (tenant.pendingCredentialType === 'secret' && tenant.pendingClientSecret) {
    return {
      kind: 'secret',
      clientSecret: decryptSecret(
        tenant.pendingClientSecret,
        'Tenant.pendingClientSecret',
        `Tenant '${tenant.name}' new client secret`,
      ),
    };
  }
  if (
    tenant.pendingCredentialType === 'certificate' &&
    tenant.pendingCertificatePem &&
    tenant.pendingCertificatePrivateKey &&
    tenant.pendingCertificateThumbprint
  ) {
    return {
      kind: 'certificate',
      thumbprintSha256: tenant.pendingCertificateThumbprint,
      certificatePem: tenant.pendingCertificatePem,
      privateKey: decryptSecret(
        tenant.pendingCertificatePrivateKey,
        'Tenant.pendingCertificatePrivateKey',
        `Tenant '${tenant.name}' new certificate private key`,
      ),
    };
  }
  return null;
}
