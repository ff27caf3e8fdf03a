import 'server-only';
import { db } from '@/lib/db/prisma';
import { globalResourceOf } from './clouds';
import { withAppRoles } from './app-roles';
import { createMsalApp } from './create-msal-app';
import { decodeJwtClaims } from './decode-jwt-claims';
import { summarizeMicrosoftError } from './describe-microsoft-error';
import { explainMsalFailure } from './explain-msal-failure';
import type { AccessTokenOptions, AccessTokenResult } from './get-access-token';
import type { ConnectionCredentials } from './load-connection-credentials';

// Client-credentials tokens need no sign-in and no refresh token; they are kept in memory until five minutes before
// they expire, keyed by connection, resource and the secret or certificate in use (a replaced one starts over).

const KEY = Symbol.for('switchboard.applicationTokens');
type Cached = { accessToken: string; expiresOn: Date; scopes: string[] };

function memory(): Map<string, Cached> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Cached> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

function rolesOf(accessToken: string): string[] {
  const roles = decodeJwtClaims(accessToken).roles;
  return Array.isArray(roles) ? roles.map(String) : [];
}

/**
 * The enterprise application's object id: `oid` of an app-only token (no user, so it names the service principal),
 * which Exchange's New-ServicePrincipal and Add-MailboxPermission need. Recorded with every token, so the Exchange
 * setup helper can fill it in; nothing when the token carries none.
 */
function servicePrincipalOf(
  accessToken: string,
  now: Date,
): { servicePrincipalId?: string; servicePrincipalIdAt?: Date } {
  const oid = decodeJwtClaims(accessToken).oid;
  return typeof oid === 'string' && oid ? { servicePrincipalId: oid.toLowerCase(), servicePrincipalIdAt: now } : {};
}

/** `resource` as the tenant's cloud names it (the token service resolves it). */
export async function acquireApplicationToken(
  loaded: ConnectionCredentials,
  resource: string,
  options: AccessTokenOptions,
): Promise<AccessTokenResult> {
  const { connection, tenant, context } = loaded;
  const credential =
    tenant.credential.kind === 'certificate' ? tenant.credential.thumbprintSha256 : connection.tenant.clientSecret;
  const key = `${connection.id}|${resource}|${credential ?? ''}`;
  const cached = memory().get(key);
  if (cached && !options.forceRefresh && cached.expiresOn.getTime() - Date.now() > 5 * 60_000) {
    return { ok: true, ...cached, account: null, refreshed: false, resource, connection: context };
  }
  const now = new Date();
  try {
    const result = await createMsalApp(tenant).acquireTokenByClientCredential({
      scopes: [`${resource}/.default`],
      skipCache: true,
    });
    if (!result) throw new Error('Microsoft returned no token');
    const entry = {
      accessToken: result.accessToken,
      expiresOn: result.expiresOn ?? new Date(now.getTime() + 3600_000),
      scopes: result.scopes,
    };
    memory().set(key, entry);
    await db().serviceConnection.update({
      where: { id: connection.id },
      data: {
        state: 'authenticated',
        tokenExpiresAt: entry.expiresOn,
        lastRefreshAt: now,
        lastUsedAt: now,
        lastError: null,
        authenticatedAt: connection.authenticatedAt ?? now,
        // The lists judge application connections by these (lib/connections/connection-fit), under the API's global
        // name whatever the cloud.
        appRoles: withAppRoles(
          connection.appRoles,
          globalResourceOf(resource, context.endpoints) ?? resource,
          rolesOf(result.accessToken),
        ),
        appRolesAt: now,
        ...servicePrincipalOf(result.accessToken, now),
      },
    });
    return { ok: true, ...entry, account: null, refreshed: true, resource, connection: context };
  } catch (thrown) {
    const error = await explainMsalFailure(thrown, tenant);
    await db().serviceConnection.update({
      where: { id: connection.id },
      data: { state: 'error', lastError: summarizeMicrosoftError(error), lastUsedAt: now },
    });
    return { ok: false, reason: 'failed', message: summarizeMicrosoftError(error), error, connection: context };
  }
}
