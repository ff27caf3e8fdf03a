import type { HttpExchange } from '../http/http-exchange';
import type { RouteTable } from '../http/route-table';
import type { SandboxContext } from '../sandbox-context';
import type { UserRecord } from '../store/directory';
import type { AuthorizeFlow } from './authorize-flows';
import { addAdminConsentRoutes, showAdminConsent } from './admin-consent-routes';
import { consentPage, signInPage } from './authorize-pages';
import { redirectWithError, respondToClient, showErrorPage } from './authorize-response';
import { describePermission, grantedPermissionKeys, missingConsent, requiredPermissionKeys } from './consent';
import { EntraError, entraErrors } from './entra-error';
import { clientInfo } from './issue-tokens';
import { validateAuthorizeRequest } from './validate-authorize-request';

// The interactive part of the authorization code flow: /authorize, the sign-in form, the consent form.
// A browser session (cookie) lets a second sign-in skip the password, as Entra's SSO does.

const flowExpired = () =>
  new EntraError(
    50089,
    'invalid_request',
    'Flow token expired - Authentication Fails. Have the user try signing-in again with username -password.',
  );

export function addAuthorizeRoutes(routes: RouteTable, context: SandboxContext): void {
  // Cookies are per host, not per port: the port keeps two sandboxes on 127.0.0.1 apart.
  const cookieName = () => `sbx_session_${new URL(context.urls.authorityHost).port}`;

  const finish = (exchange: HttpExchange, flow: AuthorizeFlow): void => {
    const user = context.directory.userById(flow.userId ?? '');
    const code = context.tokens.issueCode({
      tenantId: flow.tenant.id,
      clientId: flow.app.clientId,
      userId: user.id,
      redirectUri: flow.redirectUri,
      scope: flow.scope,
      nonce: flow.nonce,
      codeChallenge: flow.codeChallenge,
      codeChallengeMethod: flow.codeChallengeMethod,
      sessionId: flow.sessionId ?? '',
    });
    context.flows.finish(flow.id);
    respondToClient(exchange, flow, {
      code,
      client_info: flow.wantClientInfo ? clientInfo(user) : undefined,
      state: flow.state,
      session_state: flow.sessionId,
    });
  };

  const afterSignIn = (exchange: HttpExchange, flow: AuthorizeFlow, user: UserRecord): void => {
    if (flow.adminConsent) return showAdminConsent(exchange, flow, user);
    const required = requiredPermissionKeys(flow.app, flow.scopes);
    const missing = missingConsent(required, grantedPermissionKeys(context, flow.app, user));
    if (flow.prompt === 'none' && missing.length > 0) {
      redirectWithError(
        context,
        exchange,
        flow,
        entraErrors.interactionRequired(flow.app.clientId, flow.app.displayName),
        flow.state,
      );
      return;
    }
    if (missing.length === 0 && flow.prompt !== 'consent') {
      finish(exchange, flow);
      return;
    }
    const permissions = [...new Set(required.filter((key) => key !== 'oidc:openid').map(describePermission))];
    exchange.html(
      200,
      consentPage({
        action: `/${flow.tenant.id}/consent`,
        flowId: flow.id,
        appName: flow.app.displayName,
        userName: user.userPrincipalName,
        permissions,
      }),
    );
  };

  const authorize = async (exchange: HttpExchange): Promise<void> => {
    const validation = validateAuthorizeRequest(context, exchange.params.tenant ?? '', await exchange.readForm());
    if (validation.kind === 'page') return showErrorPage(exchange, validation.error, validation.appName);
    if (validation.kind === 'redirect')
      return redirectWithError(context, exchange, validation.target, validation.error, validation.state);
    signInOrContinue(exchange, context.flows.start(validation.flow));
  };

  // The browser's session signs in without a password unless the flow asks for a fresh sign-in.
  const signInOrContinue = (exchange: HttpExchange, flow: AuthorizeFlow): void => {
    const session = context.tokens.findSession(exchange.cookie(cookieName()));
    const sessionUser =
      session?.tenantId === flow.tenant.id ? context.directory.findUser(flow.tenant, session.userId) : undefined;
    const hintMatches =
      !flow.loginHint ||
      (sessionUser !== undefined && context.directory.findUser(flow.tenant, flow.loginHint)?.id === sessionUser.id);
    const forceSignIn = flow.prompt === 'login' || flow.prompt === 'select_account';
    if (session && sessionUser && hintMatches && !forceSignIn) {
      flow.userId = sessionUser.id;
      flow.sessionId = session.id;
      return afterSignIn(exchange, flow, sessionUser);
    }
    if (flow.prompt === 'none')
      return redirectWithError(context, exchange, flow, entraErrors.loginRequired(), flow.state);
    exchange.html(
      200,
      signInPage({
        action: `/${flow.tenant.id}/login`,
        flowId: flow.id,
        appName: flow.app.displayName,
        tenantName: flow.tenant.displayName,
        loginHint: flow.loginHint,
      }),
    );
  };

  routes.add('GET', '/:tenant/oauth2/v2.0/authorize', authorize);
  addAdminConsentRoutes(routes, context, signInOrContinue);
  routes.add('POST', '/:tenant/oauth2/v2.0/authorize', authorize);

  routes.add('POST', '/:tenant/login', async (exchange) => {
    const form = await exchange.readForm();
    const flow = context.flows.find(form.get('flow'));
    if (!flow) return showErrorPage(exchange, flowExpired());
    const login = (form.get('login') ?? '').trim();
    const user = context.directory.findUser(flow.tenant, login);
    const retry = (message: string, error: EntraError) =>
      exchange.html(
        200,
        signInPage({
          action: `/${flow.tenant.id}/login`,
          flowId: flow.id,
          appName: flow.app.displayName,
          tenantName: flow.tenant.displayName,
          loginHint: login,
          error: { message, code: error.message },
        }),
      );
    if (!user)
      return retry(
        'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
        entraErrors.userNotFound(login, flow.tenant.displayName),
      );
    if (!user.accountEnabled || !user.password)
      return retry(
        'Your account has been locked. Contact your support person to unlock it, then try again.',
        entraErrors.userDisabled(),
      );
    if (user.password !== form.get('passwd'))
      return retry(
        "Your account or password is incorrect. If you don't remember your password, reset it now.",
        entraErrors.invalidCredentials(),
      );
    const session = context.tokens.startSession(flow.tenant.id, user.id);
    flow.userId = user.id;
    flow.sessionId = session.id;
    context.counters.increment('authorize:signIn');
    exchange.res.setHeader('Set-Cookie', `${cookieName()}=${session.id}; Path=/; HttpOnly; Secure; SameSite=Lax`);
    afterSignIn(exchange, flow, user);
  });

  routes.add('POST', '/:tenant/consent', async (exchange) => {
    const form = await exchange.readForm();
    const flow = context.flows.find(form.get('flow'));
    if (!flow?.userId) return showErrorPage(exchange, flowExpired());
    if (form.get('decision') !== 'accept') {
      context.flows.finish(flow.id);
      return redirectWithError(context, exchange, flow, entraErrors.consentDeclined(), flow.state, 'cancel');
    }
    context.tokens.grantConsent(
      flow.tenant.id,
      flow.app.clientId,
      flow.userId,
      requiredPermissionKeys(flow.app, flow.scopes),
    );
    context.counters.increment('authorize:consent');
    finish(exchange, flow);
  });

  routes.add('GET', '/:tenant/oauth2/v2.0/logout', (exchange) => {
    const clear = { 'Set-Cookie': `${cookieName()}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0` };
    const next = exchange.url.searchParams.get('post_logout_redirect_uri');
    if (next && URL.canParse(next)) return exchange.redirect(next, clear);
    exchange.html(
      200,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body><main><h1>You signed out of your account</h1><p>It’s a good idea to close all browser windows.</p></main></body></html>',
      clear,
    );
  });
}
