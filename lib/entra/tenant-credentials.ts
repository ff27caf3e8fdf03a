import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import type { TenantCredentials } from './create-msal-app';
import type { TenantCredential } from './msal-client-credential';

interface StoredTenant {
  name: string;
  cloud: string;
  authorityHost: string | null;
  graphBaseUrl: string | null;
  graphResource: string | null;
  exchangeResource: string | null;
  directoryId: string;
  clientId: string;
  clientSecret: string | null;
  credentialType: string;
  certificatePem: string | null;
  certificatePrivateKey: string | null;
  certificateThumbprint: string | null;
}

function credentialOf(tenant: StoredTenant): TenantCredential | null {
  if (tenant.credentialType === 'certificate') {
    if (!tenant.certificatePem || !tenant.certificatePrivateKey || !tenant.certificateThumbprint) return null;
    return {
      kind: 'certificate',
      thumbprintSha256: tenant.certificateThumbprint,
      certificatePem: tenant.certificatePem,
      privateKey: decryptSecret(
        tenant.certificatePrivateKey,
        'Tenant.certificatePrivateKey',
        `Tenant '${tenant.name}' certificate private key`,
      ),
    };
  }
  if (!tenant.clientSecret) return null;
  return {
    kind: 'secret',
    clientSecret: decryptSecret(tenant.clientSecret, 'Tenant.clientSecret', `Tenant '${tenant.name}' client secret`),
  };
}

/** Why a tenant cannot authenticate yet, for a person; null when it has the credential it is set to use. */
export function missingCredentialOf(tenant: StoredTenant): string | null {
  if (tenant.credentialType === 'certificate') {
    return tenant.certificatePem && tenant.certificatePrivateKey && tenant.certificateThumbprint
      ? null
      : `Tenant '${tenant.name}' is set to use a certificate but has none. Generate or upload one under Tenants.`;
  }
  return tenant.clientSecret ? null : `Tenant '${tenant.name}' has no client secret. Add one under Tenants.`;
}

/**
 * What MSAL needs from a stored tenant, its secret or certificate key decrypted (an error names the tenant, never the
 * value); null when the credential it is set to use is missing (missingCredentialOf says why).
 */
export function tenantCredentialsOf(tenant: StoredTenant): TenantCredentials | null {
  const credential = credentialOf(tenant);
  if (!credential) return null;
  return {
    cloud: tenant.cloud,
    authorityHost: tenant.authorityHost,
    graphBaseUrl: tenant.graphBaseUrl,
    graphResource: tenant.graphResource,
    exchangeResource: tenant.exchangeResource,
    directoryId: tenant.directoryId,
    clientId: tenant.clientId,
    credential,
  };
}
