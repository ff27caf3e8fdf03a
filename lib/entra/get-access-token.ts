import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secrets';
import { observeTokenResult } from '@/lib/metrics/observe-token-result';
import { ConnectionTokenCache } from './connection-token-cache';
import { createMsalApp } from './create-msal-app';
import { type MicrosoftError, summarizeMicrosoftError } from './describe-microsoft-error';
import { explainMsalFailure } from './explain-msal-failure';
import {
  type ConnectionCredentials,
  loadConnectionCredentials,
  MissingClientSecretError,
} from './load-connection-credentials';
import { acquireApplicationToken } from './acquire-application-token';
import type { ConnectionContext } from './connection-context';
import { scopesForResource } from './oauth-scopes';
import { tokenResource } from './token-resource';
import { forgetAccessTokens, recentAccessToken, rememberAccessToken } from './recent-access-tokens';
import { singleFlight } from './single-flight';
import { withConnectionLock } from './with-connection-lock';

export type { ConnectionContext } from './connection-context';

/** With the token (and with a refusal, when the connection exists) comes the connection's context: no consumer reads the row again. */
export type AccessTokenResult =
  | {
      ok: true;
      accessToken: string;
      expiresOn: Date;
      scopes: string[];
      account: string | null;
      refreshed: boolean;
      /** The resource (audience) the token is for, as the tenant's cloud names it. */
      resource: string;
      connection: ConnectionContext;
    }
  | {
      ok: false;
      reason: 'not_found' | 'not_authenticated' | 'needs_reauth' | 'failed';
      message: string;
      error?: MicrosoftError;
      connection?: ConnectionContext;
    };

export interface AccessTokenOptions {
  /**
   * The API the token is for, in the tenant's cloud: Graph, or Exchange Online (its delegated or app-only resource by
   * the service's authentication type). Takes precedence over `resource`.
   */
  api?: 'graph' | 'exchange';
  /**
   * e.g. "https://graph.microsoft.com"; a global Microsoft name is taken as the tenant's cloud's counterpart.
   * Default: the first resource among the service's scopes. Prefer `api`.
   */
  resource?: string;
  /** Refresh even when the cached access token is still valid (keeps idle refresh tokens alive). */
  forceRefresh?: boolean;
}

/**
 * The one way to get a token for a connection: one handed out in the last minute, MSAL's cached access token, or a
 * silent refresh. Concurrent callers in a
 * process share one refresh; instances on one PostgreSQL database take turns through a lock. A refresh that
 * Microsoft refuses for good marks the connection "Needs re-authentication" and says why.
 */
export async function getAccessToken(
  connectionId: string,
  options: AccessTokenOptions = {},
): Promise<AccessTokenResult> {
  const wanted = options.api ? `api:${options.api}` : options.resource;
  if (!options.forceRefresh) {
    const recent = recentAccessToken<AccessTokenResult>(connectionId, wanted);
    if (recent) return recent;
  }
  const key = `token:${connectionId}:${wanted ?? ''}:${options.forceRefresh ? 'force' : ''}`;
  const result = await singleFlight(key, () =>
    acquire(connectionId, options).then((acquired) => (observeTokenResult(acquired), acquired)),
  );
  if (result.ok) rememberAccessToken(connectionId, wanted, { ...result, refreshed: false }, result.expiresOn);
  else forgetAccessTokens(connectionId);
  return result;
}

async function acquire(connectionId: string, options: AccessTokenOptions): Promise<AccessTokenResult> {
  let loaded: ConnectionCredentials | null;
  try {
    loaded = await loadConnectionCredentials(connectionId);
  } catch (error) {
    const connection = error instanceof MissingClientSecretError ? { connection: error.context } : {};
    return { ok: false, reason: 'failed', message: (error as Error).message, ...connection };
  }
  if (!loaded) return { ok: false, reason: 'not_found', message: 'The connection no longer exists.' };
  const connection = loaded.context;
  const resource = tokenResource(loaded.context, loaded.serviceScopes, options);
  if (loaded.authType === 'application' && resource) return acquireApplicationToken(loaded, resource, options);
  const scopes = resource ? scopesForResource(loaded.serviceScopes, resource) : [];
  if (!resource || scopes.length === 0)
    return {
      ok: false,
      reason: 'failed',
      message: `The service has no scope for ${resource ?? 'any resource'}.`,
      connection,
    };

  return withConnectionLock(connectionId, async (client) => {
    const row = await client.serviceConnection.findUnique({
      where: { id: connectionId },
      select: { name: true, state: true, tokenCache: true, accountHomeId: true, lastError: true },
    });
    if (!row?.tokenCache)
      return {
        ok: false,
        reason: 'not_authenticated',
        message: 'Nobody has signed in for this connection yet: run Setup Authentication.',
        connection,
      };
    if (row.state === 'needs_reauth') {
      return {
        ok: false,
        reason: 'needs_reauth',
        message: row.lastError ?? 'The stored sign-in is no longer valid: run Setup Authentication again.',
        connection,
      };
    }
    const cache = new ConnectionTokenCache(
      decryptSecret(row.tokenCache, 'ServiceConnection.tokenCache', `Service connection '${row.name}' token cache`),
    );
    const app = createMsalApp(loaded.tenant, cache);
    const tokenCache = app.getTokenCache();
    const account =
      (row.accountHomeId ? await tokenCache.getAccountByHomeId(row.accountHomeId) : null) ??
      (await tokenCache.getAllAccounts())[0];
    const now = new Date();
    try {
      if (!account)
        throw Object.assign(new Error('No signed-in account in the token cache'), {
          errorCode: 'no_account_in_silent_request',
        });
      const result = await app.acquireTokenSilent({ account, scopes, forceRefresh: Boolean(options.forceRefresh) });
      await client.serviceConnection.update({
        where: { id: connectionId },
        data: {
          ...(cache.changed && cache.serialized
            ? { tokenCache: encryptSecret(cache.serialized, 'ServiceConnection.tokenCache'), lastRefreshAt: now }
            : {}),
          tokenExpiresAt: result.expiresOn,
          lastUsedAt: now,
          state: 'authenticated',
          lastError: null,
        },
      });
      return {
        ok: true,
        accessToken: result.accessToken,
        expiresOn: result.expiresOn ?? now,
        scopes: result.scopes,
        account: account.username,
        refreshed: cache.changed,
        resource,
        // The account may have changed since the row was read (a sign-in meanwhile): the one the token is for.
        connection: { ...connection, account: account.username.toLowerCase() },
      };
    } catch (thrown) {
      const error = await explainMsalFailure(thrown, loaded.tenant);
      await client.serviceConnection.update({
        where: { id: connectionId },
        data: {
          state: error.needsReauthentication ? 'needs_reauth' : 'error',
          lastError: summarizeMicrosoftError(error),
          lastUsedAt: now,
        },
      });
      return {
        ok: false,
        reason: error.needsReauthentication ? 'needs_reauth' : 'failed',
        message: summarizeMicrosoftError(error),
        error,
        connection,
      };
    }
  });
}
