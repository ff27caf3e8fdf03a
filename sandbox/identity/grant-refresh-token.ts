import type { SandboxContext } from '../sandbox-context';
import type { AppRecord, TenantRecord } from '../store/directory';
import { grantedPermissionKeys, missingConsent, permissionsFor, requiredPermissionKeys } from './consent';
import { entraErrors } from './entra-error';
import { issueDelegatedTokens, type TokenResponse } from './issue-tokens';
import { parseDelegatedScopes } from './parse-scopes';

// grant_type=refresh_token: every use returns a new refresh token. A token dies when the user's tokens are
// revoked (AADSTS50173) or after 90 days unused (AADSTS700082); Entra keeps accepting the old one after
// rotation, unless the sandbox's strict rotation is switched on.

export function redeemRefreshToken(
  context: SandboxContext,
  tenant: TenantRecord,
  app: AppRecord,
  form: URLSearchParams,
): TokenResponse {
  const token = form.get('refresh_token');
  if (!token) throw entraErrors.missingParameter('refresh_token');
  const record = context.tokens.findRefreshToken(token);
  if (!record) throw entraErrors.malformedGrant();
  if (record.tenantId !== tenant.id || record.clientId.toLowerCase() !== app.clientId.toLowerCase())
    throw entraErrors.grantForOtherClient();

  const user = context.directory.userById(record.userId);
  if (record.issuedAt < user.tokensValidFrom)
    throw entraErrors.refreshTokenRevoked(record.issuedAt, user.tokensValidFrom);
  const maxInactive = context.settings.refreshTokenMaxInactiveSeconds;
  if (Date.now() - record.issuedAt > maxInactive * 1000)
    throw entraErrors.refreshTokenInactive(record.issuedAt, maxInactive);
  if (context.settings.rejectRotatedRefreshTokens && record.rotatedAt !== undefined)
    throw entraErrors.refreshTokenRotated();
  if (!user.accountEnabled) throw entraErrors.userDisabled();

  const scopes = parseDelegatedScopes(form.get('scope'), tenant.displayName, context.resources);
  const granted = grantedPermissionKeys(context, app, user);
  const resourceKeys = requiredPermissionKeys(app, scopes).filter((key) => !key.startsWith('oidc:'));
  if (missingConsent(resourceKeys, granted).length > 0)
    throw entraErrors.consentRequired(app.clientId, app.displayName, 'consent_required');

  record.rotatedAt = Date.now();
  return issueDelegatedTokens(context, {
    tenant,
    app,
    user,
    scopes,
    permissions: permissionsFor(scopes.resource, granted),
    sessionId: record.sessionId,
    refreshToken: context.tokens.issueRefreshToken({
      tenantId: tenant.id,
      clientId: app.clientId,
      userId: user.id,
      sessionId: record.sessionId,
    }),
    wantClientInfo: form.get('client_info') === '1',
  });
}
