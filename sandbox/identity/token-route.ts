import { randomUUID } from 'node:crypto';
import type { RouteTable } from '../http/route-table';
import type { SandboxContext } from '../sandbox-context';
import type { TenantRecord, AppRecord } from '../store/directory';
import { checkClientSecret, readClientCredentials, type ClientCredentials } from './authenticate-client';
import { checkClientAssertion, JWT_BEARER_ASSERTION_TYPE } from './check-client-assertion';
import { EntraError, entraErrorBody, entraErrors } from './entra-error';
import { redeemAuthorizationCode } from './grant-authorization-code';
import { grantClientCredentials } from './grant-client-credentials';
import { redeemRefreshToken } from './grant-refresh-token';
import { isMultiTenantAlias, notMultiTenant, resolveTenant } from './resolve-tenant';

// POST /{tenant}/oauth2/v2.0/token: tenant, client and secret (or client assertion) first, then the grant.
// Every request is counted by grant_type, answered or refused.

function assertionError(
  context: SandboxContext,
  tenant: TenantRecord,
  app: AppRecord,
  credentials: ClientCredentials,
): EntraError | undefined {
  if (credentials.clientAssertionType !== JWT_BEARER_ASSERTION_TYPE) {
    return credentials.clientAssertionType
      ? entraErrors.assertionTypeUnsupported(credentials.clientAssertionType)
      : entraErrors.missingParameter('client_assertion_type');
  }
  if (!credentials.clientAssertion) return entraErrors.missingParameter('client_assertion');
  const endpoint = (segment: string) => `${context.urls.authorityHost}/${segment}/oauth2/v2.0/token`;
  return checkClientAssertion({
    app,
    assertion: credentials.clientAssertion,
    clientId: credentials.clientId,
    audiences: [endpoint(tenant.id), endpoint(tenant.domain)],
    useJti: (jti, until) => context.tokens.useAssertionId(app.clientId, jti, until),
  });
}

export function addTokenRoute(routes: RouteTable, context: SandboxContext): void {
  routes.add('GET', '/:tenant/oauth2/v2.0/token', (exchange) => {
    const error = new EntraError(
      900561,
      'invalid_request',
      `The endpoint only accepts POST requests. Received a GET request.`,
    );
    exchange.json(
      400,
      entraErrorBody(error, {
        authorityHost: context.urls.authorityHost,
        correlationId: exchange.header('client-request-id'),
      }),
    );
  });

  routes.add('POST', '/:tenant/oauth2/v2.0/token', async (exchange) => {
    const correlationId = exchange.header('client-request-id') ?? randomUUID();
    const headers = {
      'client-request-id': correlationId,
      'x-ms-request-id': randomUUID(),
      Pragma: 'no-cache',
      'Cache-Control': 'no-store, no-cache',
    };
    const fail = (error: EntraError, extra: Record<string, string> = {}) =>
      exchange.json(error.status, entraErrorBody(error, { authorityHost: context.urls.authorityHost, correlationId }), {
        ...headers,
        ...extra,
      });
    try {
      const form = await exchange.readForm();
      const grantType = form.get('grant_type');
      if (!grantType) return fail(entraErrors.missingParameter('grant_type'));
      context.counters.increment(`token:${grantType}`);
      const retryAfter = context.throttle.take('token');
      if (retryAfter !== undefined) return fail(entraErrors.throttled(), { 'Retry-After': String(retryAfter) });

      const credentials = readClientCredentials(form, exchange.header('authorization'));
      if (!credentials.clientId) return fail(entraErrors.missingParameter('client_id'));
      const segment = exchange.params.tenant ?? '';
      if (isMultiTenantAlias(segment)) {
        const app = context.directory.findAppAnywhere(credentials.clientId);
        return fail(
          app
            ? notMultiTenant(app.clientId, app.displayName)
            : entraErrors.applicationNotFound(credentials.clientId, segment),
        );
      }
      const tenant = resolveTenant(context, segment);
      if (tenant instanceof EntraError) return fail(tenant);
      const app = context.directory.findApp(tenant, credentials.clientId);
      if (!app) return fail(entraErrors.applicationNotFound(credentials.clientId, tenant.displayName));
      const credentialError =
        credentials.clientAssertion !== undefined || credentials.clientAssertionType !== undefined
          ? assertionError(context, tenant, app, credentials)
          : checkClientSecret(app, credentials.clientSecret);
      if (credentialError) return fail(credentialError);

      switch (grantType) {
        case 'authorization_code':
          return exchange.json(200, redeemAuthorizationCode(context, tenant, app, form), headers);
        case 'refresh_token':
          return exchange.json(200, redeemRefreshToken(context, tenant, app, form), headers);
        case 'client_credentials':
          return exchange.json(200, grantClientCredentials(context, tenant, app, form), headers);
        default:
          return fail(entraErrors.unsupportedGrantType(grantType));
      }
    } catch (error) {
      if (error instanceof EntraError) return fail(error);
      throw error;
    }
  });
}
