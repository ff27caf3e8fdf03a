import { type CloudEndpoints, type CloudId, tenantEndpoints, isCloudId, smtpTokenHostsFor } from './clouds';

// What a consumer of a connection's token needs to know about the connection: handed out by the token service with
// every token (lib/entra/get-access-token), so nobody reads the connection row a second time. Universal.

export interface ConnectionContext {
  id: string;
  name: string;
  authType: 'delegated' | 'application';
  /** The signed-in account's username, lower-case (delegated), else null. */
  account: string | null;
  cloud: CloudId;
  endpoints: CloudEndpoints;
  /** The SMTP hosts its OAuth tokens may be sent to; null for a Custom cloud (the host saved in the settings). */
  smtpTokenHosts: readonly string[] | null;
}

export interface ConnectionContextRow {
  id: string;
  name: string;
  accountUsername: string | null;
  service: { authType: string };
  tenant: {
    cloud: string;
    authorityHost: string | null;
    graphBaseUrl: string | null;
    graphResource: string | null;
    exchangeResource: string | null;
  };
}

/** Throws for a tenant whose cloud is unknown or a Custom tenant without its URLs (as `tenantEndpoints` does). */
export function connectionContextOf(row: ConnectionContextRow): ConnectionContext {
  const endpoints = tenantEndpoints(row.tenant);
  const cloud = row.tenant.cloud;
  if (!isCloudId(cloud)) throw new Error(`Unknown cloud "${cloud}"`);
  const authType = row.service.authType === 'application' ? 'application' : 'delegated';
  return {
    id: row.id,
    name: row.name,
    authType,
    account: authType === 'delegated' ? (row.accountUsername?.toLowerCase() ?? null) : null,
    cloud,
    endpoints,
    smtpTokenHosts: smtpTokenHostsFor(cloud),
  };
}
