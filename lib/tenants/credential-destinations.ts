import { cloudEndpoints, type TenantCloud } from '@/lib/entra/clouds';

// Where a tenant's credentials travel: the client secret (and every refresh token) to the authority host, access
// tokens to the Graph base URL. A stored credential is only ever used with the destination it was stored for, so
// a change of either is compared here, by origin (scheme, host and port), not by the text typed.

export interface CredentialDestinations {
  cloud: string;
  /** Origin of the identity platform, e.g. https://login.microsoftonline.com. */
  authority: string;
  /** Origin and path of Graph, e.g. https://graph.microsoft.com. */
  graph: string;
  authorityHost: string;
  graphHost: string;
}

export function credentialDestinations(tenant: TenantCloud): CredentialDestinations {
  const endpoints = cloudEndpoints(tenant);
  const authority = new URL(endpoints.authorityHost);
  const graph = new URL(endpoints.graphBaseUrl);
  return {
    cloud: tenant.cloud,
    authority: authority.origin,
    graph: `${graph.origin}${graph.pathname.replace(/\/+$/, '')}`,
    authorityHost: authority.host,
    graphHost: graph.host,
  };
}
