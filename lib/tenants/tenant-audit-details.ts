import { cloudLabel } from '@/lib/entra/clouds';

// What the audit log records about a tenant: identifiers only. The secret is never passed here; the key names avoid
// the words the audit redactor hides, so the (non-secret) expiry date stays readable.
export function tenantAuditDetails(tenant: {
  name: string;
  cloud: string;
  directoryId: string;
  clientId: string;
  clientSecretExpiresAt?: Date | null;
  graphResource?: string | null;
  exchangeResource?: string | null;
}) {
  return {
    name: tenant.name,
    cloud: cloudLabel(tenant.cloud),
    directoryId: tenant.directoryId,
    clientId: tenant.clientId,
    expiresOn: tenant.clientSecretExpiresAt ? tenant.clientSecretExpiresAt.toISOString().slice(0, 10) : null,
    // A Custom cloud's own resource names: what its tokens are asked for.
    ...(tenant.graphResource ? { graphResource: tenant.graphResource } : {}),
    ...(tenant.exchangeResource ? { exchangeResource: tenant.exchangeResource } : {}),
  };
}
