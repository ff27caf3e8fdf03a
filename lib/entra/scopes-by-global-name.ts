import { type CloudEndpoints, globalResourceOf } from './clouds';
import { resourceOf } from './oauth-scopes';

/**
 * Scopes as the tenant's cloud names them, written with Microsoft's global resource names (the reverse of
 * `scopesForCloud`): https://graph.contoso.test/Mail.Send of a Custom cloud that names its own Graph resource is
 * https://graph.microsoft.com/Mail.Send. The lists judge connections by the global names; any other scope stays as
 * written. Universal and pure.
 */
export function scopesByGlobalName(
  scopes: readonly string[],
  endpoints: Pick<CloudEndpoints, 'graphResource' | 'exchangeResource' | 'exchangeAppResource'>,
): string[] {
  return scopes.map((scope) => {
    const resource = resourceOf(scope);
    const global = resource ? globalResourceOf(resource, endpoints) : null;
    return resource && global ? `${global}${scope.slice(resource.length)}` : scope;
  });
}
