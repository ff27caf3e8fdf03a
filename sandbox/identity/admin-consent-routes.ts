import type { HttpExchange } from '../http/http-exchange';
import type { RouteTable } from '../http/route-table';
import type { SandboxContext } from '../sandbox-context';
import type { UserRecord } from '../store/directory';
import type { AuthorizeFlow } from './authorize-flows';
import { adminConsentPage, needAdminApprovalPage } from './admin-consent-pages';
import { redirectWithError, respondToClient, showErrorPage } from './authorize-response';
import { configuredPermissions, describePermission } from './consent';
import { EntraError, entraErrors } from './entra-error';
import { findResource, resourceByKey } from './microsoft-resources';
import { isRegisteredRedirectUri } from './match-redirect-uri';
import { parseDelegatedScopes } from './parse-scopes';
import { isMultiTenantAlias, notMultiTenant, resolveTenant } from './resolve-tenant';

// Entra's admin consent endpoint (Microsoft Learn, "Admin consent on the Microsoft identity platform"):
// v2 `/{tenant}/v2.0/adminconsent?client_id&scope&redirect_uri&state`, v1 `/{tenant}/adminconsent?client_id&
// redirect_uri&state`. An administrator signs in and accepts for the whole organisation; the answer goes back to the
// redirect URI as `admin_consent=True&tenant=…&scope=…&state=…`, or with `error`/`error_description` added (declined:
// AADSTS65004). A redirect URI that is not registered is shown on Entra's page (AADSTS50011), never followed.

/** Directory roles that may consent for the organisation to application and delegated permissions alike. */
const CONSENTING_ROLES = ['global administrator', 'privileged role administrator'];

export function mayGrantAdminConsent(user: UserRecord): boolean {
  return user.directoryRoles.some((role) => CONSENTING_ROLES.includes(role.toLowerCase()));
}

const needsAdmin = () => new EntraError(90094, 'access_denied', 'The grant requires admin permission.');
const flowExpired = () =>
  new EntraError(
    50089,
    'invalid_request',
    'Flow token expired - Authentication Fails. Have the user try signing-in again with username -password.',
  );

/** Every permission the registration lists (delegated and application), as the consent page's lines. */
function permissionLines(flow: AuthorizeFlow): string[] {
  const lines: string[] = [];
  for (const resourceId of Object.keys(flow.app.delegatedPermissions)) {
    const resource = findResource(resourceId);
    if (!resource) continue;
    for (const name of configuredPermissions(flow.app, resource))
      lines.push(describePermission(`${resource.key}:${name}`));
  }
  for (const [resourceId, roles] of Object.entries(flow.app.applicationPermissions)) {
    const resource = findResource(resourceId);
    for (const role of roles) lines.push(`${role} (application permission${resource ? `, ${resource.key}` : ''})`);
  }
  return [...new Set(lines)];
}

/** After the administrator signed in (from the sign-in page or the browser session): consent or refusal. */
export function showAdminConsent(exchange: HttpExchange, flow: AuthorizeFlow, user: UserRecord): void {
  const action = `/${flow.tenant.id}/adminconsent/decision`;
  if (!mayGrantAdminConsent(user)) {
    exchange.html(
      200,
      needAdminApprovalPage({
        action,
        flowId: flow.id,
        appName: flow.app.displayName,
        userName: user.userPrincipalName,
        message: needsAdmin().message,
      }),
    );
    return;
  }
  exchange.html(
    200,
    adminConsentPage({
      action,
      flowId: flow.id,
      appName: flow.app.displayName,
      userName: user.userPrincipalName,
      tenantName: flow.tenant.displayName,
      permissions: permissionLines(flow),
    }),
  );
}

export function addAdminConsentRoutes(
  routes: RouteTable,
  context: SandboxContext,
  signIn: (exchange: HttpExchange, flow: AuthorizeFlow) => void,
): void {
  const start = (version: 'v1' | 'v2') => (exchange: HttpExchange) => {
    const params = exchange.url.searchParams;
    const tenantSegment = exchange.params.tenant ?? '';
    const clientId = params.get('client_id');
    if (!clientId) return showErrorPage(exchange, entraErrors.missingParameter('client_id'));
    if (isMultiTenantAlias(tenantSegment)) {
      const app = context.directory.findAppAnywhere(clientId);
      if (!app) return showErrorPage(exchange, entraErrors.applicationNotFound(clientId, tenantSegment));
      return showErrorPage(exchange, notMultiTenant(app.clientId, app.displayName), app.displayName);
    }
    const tenant = resolveTenant(context, tenantSegment);
    if (tenant instanceof EntraError) return showErrorPage(exchange, tenant);
    const app = context.directory.findApp(tenant, clientId);
    if (!app) return showErrorPage(exchange, entraErrors.applicationNotFound(clientId, tenant.displayName));
    const redirectUri = params.get('redirect_uri') ?? app.redirectUris[0];
    if (!redirectUri || !isRegisteredRedirectUri(app, redirectUri))
      return showErrorPage(exchange, entraErrors.redirectUriMismatch(redirectUri ?? '', app.clientId), app.displayName);
    const state = params.get('state') ?? undefined;
    const target = { redirectUri, responseMode: 'query' as const };
    const scope = version === 'v2' ? params.get('scope') : `${resourceByKey('graph').uri}/.default`;
    let scopes;
    try {
      scopes = parseDelegatedScopes(scope, tenant.displayName);
    } catch (error) {
      if (error instanceof EntraError) return redirectWithError(context, exchange, target, error, state);
      throw error;
    }
    const flow = context.flows.start({
      tenant,
      app,
      redirectUri,
      responseMode: 'query',
      state,
      scope: scope ?? '',
      scopes,
      wantClientInfo: false,
      adminConsent: { version },
    });
    signIn(exchange, flow);
  };
  routes.add('GET', '/:tenant/v2.0/adminconsent', start('v2'));
  routes.add('GET', '/:tenant/adminconsent', start('v1'));

  routes.add('POST', '/:tenant/adminconsent/decision', async (exchange) => {
    const form = await exchange.readForm();
    const flow = context.flows.find(form.get('flow'));
    if (!flow?.userId || !flow.adminConsent) return showErrorPage(exchange, flowExpired());
    context.flows.finish(flow.id);
    const user = context.directory.userById(flow.userId);
    if (!mayGrantAdminConsent(user)) return redirectWithAdminConsentError(context, exchange, flow, needsAdmin());
    if (form.get('decision') !== 'accept')
      return redirectWithAdminConsentError(
        context,
        exchange,
        flow,
        new EntraError(65004, 'consent_required', 'The resource owner or authorization server denied the request.'),
      );
    flow.app.adminConsentGranted = true;
    context.counters.increment('authorize:adminConsent');
    respondToClient(exchange, flow, {
      admin_consent: 'True',
      tenant: flow.tenant.id,
      scope: flow.adminConsent.version === 'v2' ? flow.scope : undefined,
      state: flow.state,
    });
  });
}

/** The answer says it came from the admin consent flow, success or not (admin_consent=True on both). */
function redirectWithAdminConsentError(
  context: SandboxContext,
  exchange: HttpExchange,
  flow: AuthorizeFlow,
  error: EntraError,
): void {
  const url = new URL(flow.redirectUri);
  url.searchParams.set('admin_consent', 'True');
  redirectWithError(context, exchange, { redirectUri: url.toString(), responseMode: 'query' }, error, flow.state);
}
