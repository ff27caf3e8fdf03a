import type { SandboxContext } from '../sandbox-context';
import type { AuthorizeFlow, ResponseMode } from './authorize-flows';
import type { RedirectTarget } from './authorize-response';
import { EntraError, entraErrors } from './entra-error';
import { isRegisteredRedirectUri } from './match-redirect-uri';
import { parseDelegatedScopes } from './parse-scopes';
import { isMultiTenantAlias, notMultiTenant, resolveTenant } from './resolve-tenant';

// Checks an /authorize request in Entra's order. Until the redirect URI is known to be registered, a failure
// is shown on Entra's own page (never sent to an unregistered URI); after that it goes back to the client.

export type AuthorizeValidation =
  | { kind: 'page'; error: EntraError; appName?: string }
  | { kind: 'redirect'; error: EntraError; target: RedirectTarget; state?: string }
  | { kind: 'ok'; flow: Omit<AuthorizeFlow, 'id' | 'createdAt'> };

const RESPONSE_MODES: ResponseMode[] = ['query', 'fragment', 'form_post'];

export function validateAuthorizeRequest(
  context: SandboxContext,
  tenantSegment: string,
  params: URLSearchParams,
): AuthorizeValidation {
  const clientId = params.get('client_id');
  if (isMultiTenantAlias(tenantSegment)) {
    if (!clientId) return { kind: 'page', error: entraErrors.missingParameter('client_id') };
    const app = context.directory.findAppAnywhere(clientId);
    if (!app) return { kind: 'page', error: entraErrors.applicationNotFound(clientId, tenantSegment) };
    return { kind: 'page', error: notMultiTenant(app.clientId, app.displayName), appName: app.displayName };
  }
  const tenant = resolveTenant(context, tenantSegment);
  if (tenant instanceof EntraError) return { kind: 'page', error: tenant };
  if (!clientId) return { kind: 'page', error: entraErrors.missingParameter('client_id') };
  const app = context.directory.findApp(tenant, clientId);
  if (!app) return { kind: 'page', error: entraErrors.applicationNotFound(clientId, tenant.displayName) };

  const redirectUri = params.get('redirect_uri') ?? app.redirectUris[0];
  if (!redirectUri)
    return {
      kind: 'page',
      error: new EntraError(500113, 'invalid_request', 'No reply address is registered for the application.'),
      appName: app.displayName,
    };
  if (!isRegisteredRedirectUri(app, redirectUri))
    return {
      kind: 'page',
      error: entraErrors.redirectUriMismatch(redirectUri, app.clientId),
      appName: app.displayName,
    };

  const requestedMode = params.get('response_mode') as ResponseMode | null;
  const target: RedirectTarget = {
    redirectUri,
    responseMode: requestedMode && RESPONSE_MODES.includes(requestedMode) ? requestedMode : 'query',
  };
  const state = params.get('state') ?? undefined;
  const fail = (error: EntraError): AuthorizeValidation => ({ kind: 'redirect', error, target, state });

  const responseType = params.get('response_type');
  if (!responseType) return fail(entraErrors.missingParameter('response_type'));
  if (responseType !== 'code') return fail(entraErrors.unsupportedResponseType(responseType));

  let scopes;
  try {
    scopes = parseDelegatedScopes(params.get('scope'), tenant.displayName, context.resources);
  } catch (error) {
    if (error instanceof EntraError) return fail(error);
    throw error;
  }

  const codeChallenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? (codeChallenge ? 'plain' : undefined);
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return fail(entraErrors.invalidCodeChallengeMethod());
  if (codeChallenge !== undefined && (codeChallenge.length < 43 || codeChallenge.length > 128)) {
    return fail(
      new EntraError(
        501491,
        'invalid_request',
        'InvalidCodeChallengeMethodInvalidSize - Invalid size of Code_Challenge parameter.',
      ),
    );
  }

  return {
    kind: 'ok',
    flow: {
      tenant,
      app,
      redirectUri,
      responseMode: target.responseMode,
      state,
      nonce: params.get('nonce') ?? undefined,
      scope: params.get('scope') ?? '',
      scopes,
      codeChallenge,
      codeChallengeMethod: codeChallenge ? (method as 'S256' | 'plain') : undefined,
      prompt: params.get('prompt') ?? undefined,
      loginHint: params.get('login_hint') ?? undefined,
      wantClientInfo: params.get('client_info') === '1',
    },
  };
}
