import type { SandboxContext } from '../sandbox-context';
import type { AppRecord, UserRecord } from '../store/directory';
import {
  OIDC_SCOPES,
  canonicalPermission,
  findResource,
  resourceByKey,
  type MicrosoftResource,
} from './microsoft-resources';
import { permissionKey, type RequestedScopes } from './parse-scopes';

// What a delegated request needs consent for, and what the user (or an administrator) already granted.
// Keys look like `graph:Mail.Send` or `oidc:offline_access`.

/** The app's configured delegated permissions on one resource (what `/.default` stands for). */
export function configuredPermissions(app: AppRecord, resource: MicrosoftResource): string[] {
  const names: string[] = [];
  for (const [resourceId, permissions] of Object.entries(app.delegatedPermissions)) {
    if (findResource(resourceId)?.key !== resource.key) continue;
    for (const name of permissions) {
      const canonical = canonicalPermission(resource, name, 'delegated');
      if (canonical && !names.includes(canonical)) names.push(canonical);
    }
  }
  return names;
}

export function requiredPermissionKeys(app: AppRecord, scopes: RequestedScopes): string[] {
  const names = scopes.isDefault ? configuredPermissions(app, scopes.resource) : scopes.permissions;
  const keys = names.map((name) => permissionKey(scopes.resource, name));
  for (const scope of scopes.oidc) keys.push(`oidc:${scope}`);
  // Consenting to "Sign you in" is consenting to Graph's User.Read, as on Entra's consent page.
  if (scopes.oidc.has('openid')) keys.push(permissionKey(resourceByKey('graph'), 'User.Read'));
  return [...new Set(keys)];
}

export function grantedPermissionKeys(context: SandboxContext, app: AppRecord, user: UserRecord): Set<string> {
  const granted = new Set(context.tokens.consentedPermissions(app.tenantId, app.clientId, user.id));
  if (app.adminConsentGranted) {
    for (const [resourceId, permissions] of Object.entries(app.delegatedPermissions)) {
      const resource = findResource(resourceId);
      if (resource)
        for (const name of permissions)
          granted.add(permissionKey(resource, canonicalPermission(resource, name, 'delegated') ?? name));
    }
    for (const scope of Object.keys(OIDC_SCOPES)) granted.add(`oidc:${scope}`);
  }
  return granted;
}

export function missingConsent(required: string[], granted: Set<string>): string[] {
  return required.filter((key) => !granted.has(key));
}

/** The permissions of one resource among granted keys (a token carries every consented one). */
export function permissionsFor(resource: MicrosoftResource, granted: Set<string>): string[] {
  const prefix = `${resource.key}:`;
  return [...granted].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

/** The consent page's line for a permission key. */
export function describePermission(key: string): string {
  const [kind, name = ''] = key.split(':');
  if (kind === 'oidc') return OIDC_SCOPES[name] ?? name;
  const resource = resourceByKey(kind === 'exchange' ? 'exchange' : 'graph');
  return resource.delegated[name] ?? name;
}
