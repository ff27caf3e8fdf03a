import { entraErrors } from './entra-error';
import {
  GRAPH_APP_ID,
  OIDC_SCOPES,
  GLOBAL_RESOURCE_NAMES,
  canonicalPermission,
  findRequestedResource,
  resourceByKey,
  type MicrosoftResource,
  type ResourceNames,
} from './microsoft-resources';

// Turns a `scope` parameter into one resource and its permissions, refusing what Entra refuses: two resources
// in one request (AADSTS28000), unknown permissions (AADSTS70011), unknown resources (AADSTS500011).

export interface RequestedScopes {
  /** The scope values as sent. */
  raw: string[];
  /** openid, profile, email, offline_access that were asked for. */
  oidc: Set<string>;
  /** The one resource of the access token; Graph when only OpenID scopes were asked for. */
  resource: MicrosoftResource;
  /** The identifier the client used for the resource: it becomes the token's audience. */
  audience: string;
  /** Canonical permission names without the resource prefix; empty with `.default`. */
  permissions: string[];
  isDefault: boolean;
  /** Whether permissions were written with their resource prefix (the response echoes the same form). */
  qualified: boolean;
}

interface ScopeItem {
  resource: MicrosoftResource;
  identifier: string;
  name: string;
  qualified: boolean;
}

function splitScope(value: string, tenantName: string, names: ResourceNames): ScopeItem {
  const slash = value.lastIndexOf('/');
  if (slash === -1)
    return { resource: resourceByKey('graph'), identifier: GRAPH_APP_ID, name: value, qualified: false };
  const identifier = value.slice(0, slash);
  const resource = findRequestedResource(identifier, names);
  if (!resource) throw entraErrors.resourceNotFound(identifier, tenantName);
  return { resource, identifier: identifier.replace(/\/+$/, ''), name: value.slice(slash + 1), qualified: true };
}

/** `names`: the resource names the sandbox's cloud answers for (sandbox-context). */
export function parseDelegatedScopes(
  scope: string | null | undefined,
  tenantName: string,
  names: ResourceNames = GLOBAL_RESOURCE_NAMES,
): RequestedScopes {
  const raw = (scope ?? '').split(/\s+/).filter(Boolean);
  if (raw.length === 0) throw entraErrors.missingParameter('scope');
  const joined = raw.join(' ');
  const oidc = new Set<string>();
  const items: ScopeItem[] = [];
  for (const value of raw) {
    const lower = value.toLowerCase();
    if (lower in OIDC_SCOPES) oidc.add(lower);
    else items.push(splitScope(value, tenantName, names));
  }
  const resources = new Set(items.map((item) => item.resource.key));
  if (resources.size > 1) throw entraErrors.multipleResources(joined);
  const first = items[0];
  const resource = first?.resource ?? resourceByKey('graph');
  const isDefault = items.some((item) => item.name === '.default');
  if (isDefault && items.length > 1)
    throw entraErrors.invalidScope(joined, ".default scope can't be combined with resource-specific scopes.");
  const permissions: string[] = [];
  if (!isDefault) {
    for (const item of items) {
      const name = canonicalPermission(item.resource, item.name, 'delegated');
      if (!name) throw entraErrors.invalidScope(joined);
      if (!permissions.includes(name)) permissions.push(name);
    }
  }
  return {
    raw,
    oidc,
    resource,
    audience: first ? first.identifier : GRAPH_APP_ID,
    permissions,
    isDefault,
    qualified: first?.qualified ?? false,
  };
}

/** Client credentials: exactly one `{resource}/.default` (AADSTS1002012 otherwise). */
export function parseApplicationScope(
  scope: string | null | undefined,
  tenantName: string,
  names: ResourceNames = GLOBAL_RESOURCE_NAMES,
): { resource: MicrosoftResource; audience: string } {
  const raw = (scope ?? '').split(/\s+/).filter(Boolean);
  if (raw.length === 0) throw entraErrors.missingParameter('scope');
  const resourceScopes = raw.filter((value) => !(value.toLowerCase() in OIDC_SCOPES));
  const only = resourceScopes[0];
  if (resourceScopes.length !== 1 || !only || !only.endsWith('/.default'))
    throw entraErrors.clientCredentialsScope(raw.join(' '));
  const item = splitScope(only, tenantName, names);
  return { resource: item.resource, audience: item.identifier };
}

/** Permission keys as the consent store keeps them: `graph:Mail.Send`. */
export function permissionKey(resource: MicrosoftResource, permission: string): string {
  return `${resource.key}:${permission}`;
}
