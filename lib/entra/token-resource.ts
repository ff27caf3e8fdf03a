import { GLOBAL_RESOURCES } from './clouds';
import type { ConnectionContext } from './connection-context';
import { resourcesOf } from './oauth-scopes';

export interface TokenResourceRequest {
  api?: 'graph' | 'exchange';
  resource?: string;
}

/**
 * The resource (audience) a token is asked for, as the tenant's cloud names it: the API's resource in that cloud
 * (Exchange's delegated or app-only name by the service's authentication type), a global Microsoft name given by a
 * caller taken as its counterpart, any other resource as given; by default the first resource among the service's
 * scopes (Graph for client credentials). `serviceScopes` are already in the cloud's names. Universal and pure.
 */
export function tokenResource(
  connection: Pick<ConnectionContext, 'authType' | 'endpoints'>,
  serviceScopes: readonly string[],
  request: TokenResourceRequest,
): string | undefined {
  const { endpoints } = connection;
  const named = resourcesOf([...serviceScopes]);
  if (request.api === 'graph') return endpoints.graphResource;
  if (request.api === 'exchange') {
    if (connection.authType === 'application') return endpoints.exchangeAppResource;
    // Delegated: whichever Exchange name the service's scopes use (Microsoft's guide writes outlook.office.com).
    return (
      [endpoints.exchangeResource, endpoints.exchangeAppResource].find((r) => named.includes(r)) ??
      endpoints.exchangeResource
    );
  }
  if (request.resource) {
    const counterparts: Record<string, string> = {
      [GLOBAL_RESOURCES.graph]: endpoints.graphResource,
      [GLOBAL_RESOURCES.exchange]: endpoints.exchangeResource,
      [GLOBAL_RESOURCES.exchangeApp]: endpoints.exchangeAppResource,
    };
    return counterparts[request.resource.toLowerCase()] ?? request.resource;
  }
  return named[0] ?? (connection.authType === 'application' ? endpoints.graphResource : undefined);
}
