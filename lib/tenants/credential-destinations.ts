import { tenantEndpoints, type TenantCloud } from '@/lib/entra/clouds';

// Where a tenant's credentials travel: the client secret (and every refresh token) to the authority host, access
// tokens to the Graph base URL. A stored credential is only ever used with the destination it was stored for, so
// a change of either is compared here, by origin (scheme, host and port), not by the text typed. The resource names
// say what the tokens are for (their audience): a change of them makes the granted sign-ins name other APIs.

export interface CredentialDestinations {
  cloud: string;
  /** Origin of the identity platform, e.g. https://login.microsoftonline.com. */
  authority: string;
  /** Origin and path of Graph, e.g. https://graph.microsoft.com. */
  graph: string;
  authorityHost: string;
  graphHost: string;
  /** The resources tokens are asked for, Graph's then Exchange's (delegated and app-only), e.g. for the audit log. */
  resources: string;
}

export function credentialDestinations(tenant: TenantCloud): CredentialDestinations {
  const endpoints = tenantEndpoints(tenant);
  const authority = new URL(endpoints.authorityHost);
  const graph = new URL(endpoints.graphBaseUrl);
  return {
    cloud: tenant.cloud,
    authority: authority.origin,
    graph: `${graph.origin}${graph.pathname.replace(/\/+$/, '')}`,
    authorityHost: authority.host,
    graphHost: graph.host,
    resources: [endpoints.graphResource, endpoints.exchangeResource, endpoints.exchangeAppResource].join(' '),
  };
}
