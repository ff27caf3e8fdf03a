import { createHash } from 'node:crypto';
import type { SandboxContext } from '../sandbox-context';
import type { AppRecord, TenantRecord } from '../store/directory';
import { grantedPermissionKeys, missingConsent, permissionsFor, requiredPermissionKeys } from './consent';
import { entraErrors } from './entra-error';
import { issueDelegatedTokens, type TokenResponse } from './issue-tokens';
import { isRegisteredRedirectUri } from './match-redirect-uri';
import { parseDelegatedScopes } from './parse-scopes';

// grant_type=authorization_code: a code is good once, for ten minutes, for the client and redirect URI it
// was issued to, and (when the authorize request carried a code_challenge) only with the matching verifier.

function pkceChallenge(verifier: string, method: 'S256' | 'plain'): string {
  return method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
}

export function redeemAuthorizationCode(
  context: SandboxContext,
  tenant: TenantRecord,
  app: AppRecord,
  form: URLSearchParams,
): TokenResponse {
  const code = form.get('code');
  if (!code) throw entraErrors.missingParameter('code');
  const record = context.tokens.findCode(code);
  if (!record) throw entraErrors.malformedGrant();
  if (record.tenantId !== tenant.id || record.clientId.toLowerCase() !== app.clientId.toLowerCase())
    throw entraErrors.grantForOtherClient();
  if (record.redeemedAt !== undefined) throw entraErrors.codeRedeemed();
  if (Date.now() - record.issuedAt > context.settings.authorizationCodeLifetimeSeconds * 1000)
    throw entraErrors.codeExpired();

  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) throw entraErrors.missingParameter('redirect_uri');
  if (!isRegisteredRedirectUri(app, redirectUri)) throw entraErrors.redirectUriMismatch(redirectUri, app.clientId);
  if (redirectUri !== record.redirectUri) throw entraErrors.redirectUriDiffersFromCode(redirectUri, record.redirectUri);

  if (record.codeChallenge && record.codeChallengeMethod) {
    const verifier = form.get('code_verifier');
    if (!verifier || pkceChallenge(verifier, record.codeChallengeMethod) !== record.codeChallenge)
      throw entraErrors.pkceMismatch();
  }
  record.redeemedAt = Date.now();

  const user = context.directory.userById(record.userId);
  const scopes = parseDelegatedScopes(form.get('scope') ?? record.scope, tenant.displayName, context.resources);
  const granted = grantedPermissionKeys(context, app, user);
  const resourceKeys = requiredPermissionKeys(app, scopes).filter((key) => !key.startsWith('oidc:'));
  if (missingConsent(resourceKeys, granted).length > 0)
    throw entraErrors.consentRequired(app.clientId, app.displayName, 'consent_required');

  const offline = scopes.oidc.has('offline_access') || /(^|\s)offline_access(\s|$)/i.test(record.scope);
  return issueDelegatedTokens(context, {
    tenant,
    app,
    user,
    scopes,
    permissions: permissionsFor(scopes.resource, granted),
    sessionId: record.sessionId,
    nonce: record.nonce,
    refreshToken: offline
      ? context.tokens.issueRefreshToken({
          tenantId: tenant.id,
          clientId: app.clientId,
          userId: user.id,
          sessionId: record.sessionId,
        })
      : undefined,
    wantClientInfo: form.get('client_info') === '1',
  });
}
