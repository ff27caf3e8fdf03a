import type { SandboxContext } from '../sandbox-context';
import type { AppRecord, TenantRecord, UserRecord } from '../store/directory';
import type { ResourceKey } from './microsoft-resources';

// What Graph and Exchange check in a bearer token before anything else: the sandbox's signature, the
// lifetime, and that the audience is the resource being called.

export type Principal =
  | { kind: 'delegated'; tenant: TenantRecord; app: AppRecord; user: UserRecord; scopes: Set<string> }
  | { kind: 'application'; tenant: TenantRecord; app: AppRecord; roles: Set<string> };

export type AccessTokenFailure = 'empty' | 'malformed' | 'signature' | 'expired' | 'audience' | 'unknown-principal';

export type AccessTokenCheck = { ok: true; principal: Principal } | { ok: false; reason: AccessTokenFailure };

const CLOCK_SKEW_SECONDS = 300;

function normalise(audience: string): string {
  return audience.toLowerCase().replace(/\/+$/, '');
}

export function verifyAccessToken(
  context: SandboxContext,
  token: string | undefined,
  resourceKey: ResourceKey,
): AccessTokenCheck {
  if (!token) return { ok: false, reason: 'empty' };
  const verified = context.signer.verify(token);
  if (!verified.ok) return { ok: false, reason: verified.reason };
  const claims = verified.claims;
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return { ok: false, reason: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf > now + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'expired' };
  // The names this cloud answers for: a token for https://graph.microsoft.com is no use in a cloud whose Graph is
  // another resource, as in Microsoft's national clouds.
  if (typeof claims.aud !== 'string' || !context.resources[resourceKey].includes(normalise(claims.aud)))
    return { ok: false, reason: 'audience' };

  const tenant = typeof claims.tid === 'string' ? context.directory.findTenant(claims.tid) : undefined;
  const app = tenant && typeof claims.appid === 'string' ? context.directory.findApp(tenant, claims.appid) : undefined;
  if (!tenant || !app) return { ok: false, reason: 'unknown-principal' };
  if (claims.idtyp === 'app') {
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    return { ok: true, principal: { kind: 'application', tenant, app, roles: new Set(roles) } };
  }
  const user = typeof claims.oid === 'string' ? context.directory.findUser(tenant, claims.oid) : undefined;
  if (!user) return { ok: false, reason: 'unknown-principal' };
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  return { ok: true, principal: { kind: 'delegated', tenant, app, user, scopes: new Set(scopes) } };
}
