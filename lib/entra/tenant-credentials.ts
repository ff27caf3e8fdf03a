import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import type { TenantCredentials } from './create-msal-app';

interface StoredTenant {
  name: string;
  cloud: string;
  authorityHost: string | null;
  graphBaseUrl: string | null;
  directoryId: string;
  clientId: string;
  clientSecret: string;
}

/** What MSAL needs from a stored tenant, its client secret decrypted (an error names the tenant, never the value). */
export function tenantCredentialsOf(tenant: StoredTenant): TenantCredentials {
  return {
    cloud: tenant.cloud,
    authorityHost: tenant.authorityHost,
    graphBaseUrl: tenant.graphBaseUrl,
    directoryId: tenant.directoryId,
    clientId: tenant.clientId,
    clientSecret: decryptSecret(tenant.clientSecret, 'Tenant.clientSecret', `Tenant '${tenant.name}' client secret`),
  };
}
