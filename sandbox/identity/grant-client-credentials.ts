import type { SandboxContext } from '../sandbox-context';
import type { AppRecord, TenantRecord } from '../store/directory';
import { issueApplicationToken, type TokenResponse } from './issue-tokens';
import { canonicalPermission, findResource } from './microsoft-resources';
import { parseApplicationScope } from './parse-scopes';

// grant_type=client_credentials: only `{resource}/.default`; the token carries every application permission
// (app role) configured for that resource as `roles`.

export function grantClientCredentials(
  context: SandboxContext,
  tenant: TenantRecord,
  app: AppRecord,
  form: URLSearchParams,
): TokenResponse {
  const { resource, audience } = parseApplicationScope(form.get('scope'), tenant.displayName, context.resources);
  const roles: string[] = [];
  for (const [resourceId, names] of Object.entries(app.applicationPermissions)) {
    if (findResource(resourceId)?.key !== resource.key) continue;
    for (const name of names) {
      const role = canonicalPermission(resource, name, 'application');
      if (role && !roles.includes(role)) roles.push(role);
    }
  }
  return issueApplicationToken(context, tenant, app, audience, roles);
}
