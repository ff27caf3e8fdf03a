import type { HttpExchange } from '../http/http-exchange';
import type { RouteTable } from '../http/route-table';
import type { SandboxContext } from '../sandbox-context';
import { entraErrorBody } from './entra-error';
import { isMultiTenantAlias, resolveTenant } from './resolve-tenant';

// OpenID Connect discovery, the signing keys, and Entra's instance discovery.

function openIdConfiguration(
  context: SandboxContext,
  tenantSegment: string,
  tenantId: string | undefined,
): Record<string, unknown> {
  const host = context.urls.authorityHost;
  const base = `${host}/${tenantId ?? tenantSegment}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${host}/${tenantId ?? '{tenantid}'}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${context.urls.graphBaseUrl}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: new URL(context.urls.graphBaseUrl).host,
    rbac_url: 'https://pas.windows.net',
  };
}

function tenantOrError(context: SandboxContext, exchange: HttpExchange): { id?: string } | undefined {
  const segment = exchange.params.tenant ?? '';
  if (isMultiTenantAlias(segment)) return {};
  const tenant = resolveTenant(context, segment);
  if ('code' in tenant) {
    exchange.json(
      400,
      entraErrorBody(tenant, {
        authorityHost: context.urls.authorityHost,
        correlationId: exchange.header('client-request-id'),
      }),
    );
    return undefined;
  }
  return { id: tenant.id };
}

export function addDiscoveryRoutes(routes: RouteTable, context: SandboxContext): void {
  routes.add('GET', '/:tenant/v2.0/.well-known/openid-configuration', (exchange) => {
    const tenant = tenantOrError(context, exchange);
    if (tenant) exchange.json(200, openIdConfiguration(context, exchange.params.tenant ?? '', tenant.id));
  });

  routes.add('GET', '/:tenant/discovery/v2.0/keys', (exchange) => {
    const tenant = tenantOrError(context, exchange);
    if (tenant)
      exchange.json(200, {
        keys: [context.signer.jwk(`${context.urls.authorityHost}/${tenant.id ?? '{tenantid}'}/v2.0`)],
      });
  });

  // Instance discovery, as login.microsoftonline.com answers it, for clients that ask the authority host itself.
  routes.add('GET', '/common/discovery/instance', (exchange) => {
    const host = new URL(context.urls.authorityHost).host;
    const endpoint =
      exchange.url.searchParams.get('authorization_endpoint') ??
      `${context.urls.authorityHost}/common/oauth2/v2.0/authorize`;
    const tenant = URL.canParse(endpoint) ? (new URL(endpoint).pathname.split('/')[1] ?? 'common') : 'common';
    exchange.json(200, {
      tenant_discovery_endpoint: `${context.urls.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });
}
