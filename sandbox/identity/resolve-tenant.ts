import type { SandboxContext } from '../sandbox-context';
import type { TenantRecord } from '../store/directory';
import { EntraError, entraErrors } from './entra-error';

// The `{tenant}` segment of an authority: a directory id, a verified domain, or one of Entra's
// multi-tenant aliases (which the sandbox's single-tenant apps refuse, as Entra does).

export const MULTI_TENANT_ALIASES = ['common', 'organizations', 'consumers'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

export function isMultiTenantAlias(identifier: string): boolean {
  return MULTI_TENANT_ALIASES.includes(identifier.toLowerCase());
}

/** The tenant, or an EntraError (AADSTS90002 unknown, AADSTS900023 malformed). */
export function resolveTenant(context: SandboxContext, identifier: string): TenantRecord | EntraError {
  if (!GUID.test(identifier) && !DOMAIN.test(identifier)) return entraErrors.invalidTenantIdentifier(identifier);
  return context.directory.findTenant(identifier) ?? entraErrors.tenantNotFound(identifier);
}

/** AADSTS50194: a single-tenant application asked for through /common or /organizations. */
export function notMultiTenant(clientId: string, appName: string): EntraError {
  return new EntraError(
    50194,
    'invalid_request',
    `Application '${clientId}'(${appName}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`,
  );
}
