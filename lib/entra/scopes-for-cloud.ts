import { type CloudEndpoints, GLOBAL_RESOURCES } from './clouds';
import { resourceOf } from './oauth-scopes';

// Built-in services store their scopes with Microsoft's global resource names (and the Services page shows and edits
// them so). A tenant in a national cloud must ask its own cloud's resources: https://graph.microsoft.com/Mail.Send is
// https://graph.microsoft.us/Mail.Send in US Government. Any other resource (an administrator's own API) and bare
// scopes (offline_access, Mail.Send) stay as written. Universal and pure.

/** A built-in service's scopes as the tenant's cloud names them; the identity for the Global and Custom clouds. */
export function scopesForCloud(scopes: readonly string[], endpoints: CloudEndpoints): string[] {
  const counterparts: Record<string, string> = {
    [GLOBAL_RESOURCES.graph]: endpoints.graphResource,
    [GLOBAL_RESOURCES.exchange]: endpoints.exchangeResource,
    [GLOBAL_RESOURCES.exchangeApp]: endpoints.exchangeAppResource,
  };
  return scopes.map((scope) => {
    const resource = resourceOf(scope);
    const counterpart = resource ? counterparts[resource] : undefined;
    return counterpart ? `${counterpart}${scope.slice(resource?.length ?? 0)}` : scope;
  });
}
