import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { ConnectionTokenCache } from './connection-token-cache';
import { createMsalApp } from './create-msal-app';
import { describeOAuthError, type MicrosoftError, summarizeMicrosoftError } from './describe-microsoft-error';
import { explainMsalFailure } from './explain-msal-failure';
import { loadConnectionCredentials } from './load-connection-credentials';
import { missingScopes, resourcesOf, scopesForResource, SIGN_IN_SCOPES, splitScopes } from './oauth-scopes';
import { sha256 } from './pkce';
import { forgetAccessTokens } from './recent-access-tokens';

export interface RedirectParams {
  state: string | null;
  code: string | null;
  error: string | null;
  errorDescription: string | null;
  browserBinding: string | null;
}

interface RequestFacts {
  connectionId: string;
  connectionName: string;
  administratorId: string | null;
  signInLinkId: string | null;
  redirectUri: string;
}

export type AuthorizationOutcome =
  | ({ ok: true; accountUsername: string; grantedScopes: string[]; missingScopes: string[] } & RequestFacts)
  | { ok: false; kind: 'invalid-state'; reason: string }
  | ({ ok: false; kind: 'microsoft'; error: MicrosoftError } & RequestFacts);

function invalid(reason: string): AuthorizationOutcome {
  return { ok: false, kind: 'invalid-state', reason };
}

/**
 * Handles Microsoft's answer on the redirect page. The state is checked before anything else, and a state that is
 * unknown, used, expired or from another browser ends here without touching any connection.
 */
export async function completeAuthorization(params: RedirectParams): Promise<AuthorizationOutcome> {
  if (!params.state)
    return invalid('The answer from Microsoft carries no state, so it cannot be matched to a sign-in started here.');
  const request = await db().authRequest.findUnique({
    where: { stateHash: sha256(params.state) },
    include: { connection: { select: { name: true } } },
  });
  if (!request) return invalid('This sign-in was not started by this console.');
  if (request.consumedAt) return invalid('This sign-in answer was already used. Start Setup Authentication again.');
  if (request.expiresAt.getTime() <= Date.now())
    return invalid('This sign-in took longer than 10 minutes and has expired. Start Setup Authentication again.');
  if (!params.browserBinding || sha256(params.browserBinding) !== request.browserBindingHash) {
    return invalid(
      'This sign-in was started in another browser. Finish it in the browser where you clicked Setup Authentication.',
    );
  }
  const { count } = await db().authRequest.updateMany({
    where: { id: request.id, consumedAt: null },
    data: { consumedAt: new Date() },
  });
  if (count !== 1) return invalid('This sign-in answer was already used. Start Setup Authentication again.');

  const facts: RequestFacts = {
    connectionId: request.connectionId,
    connectionName: request.connection.name,
    administratorId: request.administratorId,
    signInLinkId: request.signInLinkId,
    redirectUri: request.redirectUri,
  };
  if (params.error)
    return { ok: false, kind: 'microsoft', error: describeOAuthError(params.error, params.errorDescription), ...facts };
  if (!params.code) return invalid('The answer from Microsoft carries neither a code nor an error.');

  const loaded = await loadConnectionCredentials(request.connectionId);
  if (!loaded) return invalid('The connection was deleted while the sign-in was in progress.');
  const requested = splitScopes(request.scopes);
  const resource = resourcesOf(requested)[0];
  const cache = new ConnectionTokenCache(null);
  try {
    const result = await createMsalApp(loaded.tenant, cache).acquireTokenByCode({
      code: params.code,
      redirectUri: request.redirectUri,
      scopes: resource ? [...SIGN_IN_SCOPES, ...scopesForResource(requested, resource)] : [...SIGN_IN_SCOPES],
      codeVerifier: decryptSecret(
        request.codeVerifier,
        'AuthRequest.codeVerifier',
        `Sign-in attempt ${request.id} PKCE verifier`,
      ),
      nonce: request.nonce,
    });
    const { account } = result;
    const serialized = cache.serialized;
    if (!account || !serialized) throw new Error('Microsoft returned no account');
    const granted = result.scopes;
    const stored = await db().$transaction(async (tx) => {
      // A sign-in link is claimed in the same transaction that stores the tokens, and only if it is still unused,
      // not withdrawn and not expired: two sign-ins started from one link cannot both finish, and a link an
      // administrator withdrew while the person was at Microsoft's page signs nobody in.
      if (request.signInLinkId) {
        const now = new Date();
        const claimed = await tx.signInLink.updateMany({
          where: { id: request.signInLinkId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        if (claimed.count !== 1) return false;
      }
      await tx.serviceConnection.update({
        where: { id: request.connectionId },
        data: {
          state: 'authenticated',
          tokenCache: encryptSecret(serialized, 'ServiceConnection.tokenCache'),
          accountUsername: account.username,
          accountHomeId: account.homeAccountId,
          grantedScopes: granted.join(' '),
          tokenExpiresAt: result.expiresOn,
          authenticatedAt: new Date(),
          lastRefreshAt: new Date(),
          lastError: null,
        },
      });
      return true;
    });
    if (!stored)
      return invalid(
        'This sign-in link was already used, withdrawn or has expired, so this sign-in was not saved. Ask your administrator for a new link.',
      );
    forgetAccessTokens(request.connectionId);
    const expected = resource ? scopesForResource(requested, resource) : [];
    return {
      ok: true,
      accountUsername: account.username,
      grantedScopes: granted,
      missingScopes: missingScopes(expected, granted),
      ...facts,
    };
  } catch (error) {
    const described = await explainMsalFailure(error, loaded.tenant);
    await db().serviceConnection.update({
      where: { id: request.connectionId },
      data: { lastError: summarizeMicrosoftError(described) },
    });
    return { ok: false, kind: 'microsoft', error: described, ...facts };
  }
}
