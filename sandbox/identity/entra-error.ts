import { randomUUID } from 'node:crypto';

// Entra ID's failures, worded as Entra words them (descriptions start with the AADSTS code), and the JSON
// shape of a failed token request.

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
  claims?: string;
}

export class EntraError extends Error {
  constructor(
    readonly code: number,
    readonly oauthError: string,
    readonly description: string,
    readonly status = 400,
    readonly suberror?: string,
  ) {
    super(`AADSTS${code}: ${description}`);
    this.name = 'EntraError';
  }
}

/** Entra's timestamp format: `2024-05-23 19:17:36Z`. */
export function entraTimestamp(date = new Date()): string {
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export interface ErrorContext {
  correlationId?: string;
  authorityHost: string;
}

export function entraErrorBody(error: EntraError, context: ErrorContext): EntraErrorBody {
  const traceId = randomUUID();
  const correlationId = context.correlationId ?? randomUUID();
  const timestamp = entraTimestamp();
  const body: EntraErrorBody = {
    error: error.oauthError,
    error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [error.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${context.authorityHost}/error?code=${error.code}`,
  };
  if (error.suberror) body.suberror = error.suberror;
  return body;
}

/** .NET TimeSpan format Entra prints for durations: `90.00:00:00`. */
function timeSpan(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const rest = new Date((seconds % 86400) * 1000).toISOString().slice(11, 19);
  return `${days}.${rest}`;
}

/** Entra prints instants with seven fractional digits: `2019-01-28T08:58:16.7135740Z`. */
function entraInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '0000Z');
}

export const entraErrors = {
  tenantNotFound: (tenant: string) =>
    new EntraError(
      90002,
      'invalid_request',
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  invalidTenantIdentifier: (tenant: string) =>
    new EntraError(
      900023,
      'invalid_request',
      `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
    ),
  applicationNotFound: (clientId: string, tenantName: string) =>
    new EntraError(
      700016,
      'unauthorized_client',
      `Application with identifier '${clientId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  invalidClientSecret: (clientId: string) =>
    new EntraError(
      7000215,
      'invalid_client',
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      401,
    ),
  expiredClientSecret: (clientId: string) =>
    new EntraError(
      7000222,
      'invalid_client',
      `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      401,
    ),
  missingClientCredential: () =>
    new EntraError(
      7000218,
      'invalid_client',
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    ),
  certificateNotRegistered: (clientId: string, thumbprint: string) =>
    new EntraError(
      700027,
      'invalid_client',
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`,
      401,
    ),
  certificateExpired: (clientId: string) =>
    new EntraError(
      700027,
      'invalid_client',
      `Client assertion contains an invalid signature. [Reason - The key used is expired., Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`,
      401,
    ),
  assertionSignatureInvalid: () =>
    new EntraError(700027, 'invalid_client', 'Client assertion failed signature validation.', 401),
  assertionOutsideTimeRange: (now: number, validFrom: number, expiresAt: number) =>
    new EntraError(
      700024,
      'invalid_client',
      `Client assertion is not within its valid time range. Current time: ${entraInstant(now)}, assertion valid from ${entraInstant(validFrom)}, expiry time of assertion ${entraInstant(expiresAt)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
      401,
    ),
  assertionAudience: () =>
    new EntraError(
      700023,
      'invalid_client',
      'Client assertion audience claim does not match Realm issuer. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .',
      401,
    ),
  assertionClientMismatch: () =>
    new EntraError(
      700021,
      'invalid_client',
      "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
      401,
    ),
  assertionMalformed: (detail: string) =>
    new EntraError(50027, 'invalid_request', `JWT token is invalid or malformed. ${detail}`),
  assertionTypeUnsupported: (type: string) =>
    new EntraError(
      50027,
      'invalid_request',
      `JWT token is invalid or malformed. The client_assertion_type '${type}' is not supported; use 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.`,
    ),
  assertionReplayed: () =>
    new EntraError(
      50027,
      'invalid_client',
      "JWT token is invalid or malformed. (Sandbox: the client assertion's jti was already used; sign a new assertion for every request.)",
      401,
    ),
  missingParameter: (name: string) =>
    new EntraError(900144, 'invalid_request', `The request body must contain the following parameter: '${name}'.`),
  redirectUriMismatch: (redirectUri: string, clientId: string) =>
    new EntraError(
      50011,
      'invalid_client',
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ),
  redirectUriDiffersFromCode: (redirectUri: string, original: string) =>
    new EntraError(
      500112,
      'invalid_grant',
      `The reply address '${redirectUri}' does not match the reply address '${original}' provided when requesting Authorization code.`,
    ),
  invalidScope: (scope: string, detail = '') =>
    new EntraError(
      70011,
      'invalid_scope',
      `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.${detail ? ` ${detail}` : ''}`,
    ),
  multipleResources: (scope: string) =>
    new EntraError(
      28000,
      'invalid_scope',
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
    ),
  resourceNotFound: (resource: string, tenantName: string) =>
    new EntraError(
      500011,
      'invalid_resource',
      `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  clientCredentialsScope: (scope: string) =>
    new EntraError(
      1002012,
      'invalid_scope',
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  consentDeclined: () => new EntraError(65004, 'access_denied', 'User declined to consent to access the app.'),
  consentRequired: (clientId: string, appName: string, suberror?: string) =>
    new EntraError(
      65001,
      'invalid_grant',
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
      400,
      suberror,
    ),
  refreshTokenInactive: (issuedAt: number, maxInactiveSeconds: number) =>
    new EntraError(
      700082,
      'invalid_grant',
      `The refresh token has expired due to inactivity. The token was issued on ${entraInstant(issuedAt)} and was inactive for ${timeSpan(maxInactiveSeconds)}.`,
      400,
      'bad_token',
    ),
  refreshTokenRevoked: (issuedAt: number, validFrom: number) =>
    new EntraError(
      50173,
      'invalid_grant',
      `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${entraInstant(issuedAt)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${entraInstant(validFrom)}'.`,
    ),
  refreshTokenRotated: () =>
    new EntraError(
      70000,
      'invalid_grant',
      'Provided grant is invalid or malformed. (Sandbox strict rotation: this refresh token was already exchanged for a newer one.)',
    ),
  codeRedeemed: () =>
    new EntraError(
      54005,
      'invalid_grant',
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    ),
  codeExpired: () =>
    new EntraError(
      70008,
      'invalid_grant',
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    ),
  malformedGrant: () => new EntraError(9002313, 'invalid_grant', 'Invalid request. Request is malformed or invalid.'),
  grantForOtherClient: () => new EntraError(70000, 'invalid_grant', 'Provided grant is invalid or malformed.'),
  pkceMismatch: () =>
    new EntraError(
      501481,
      'invalid_grant',
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    ),
  invalidCodeChallengeMethod: () =>
    new EntraError(50149, 'invalid_request', 'Invalid Code_Challenge_method parameter.'),
  unsupportedGrantType: (grantType: string) =>
    new EntraError(70003, 'unsupported_grant_type', `The app requested an unsupported grant type '${grantType}'.`),
  unsupportedResponseType: (responseType: string) =>
    new EntraError(
      700054,
      'unsupported_response_type',
      `response_type '${responseType}' is not enabled for the application.`,
    ),
  invalidCredentials: () =>
    new EntraError(50126, 'invalid_grant', 'Error validating credentials due to invalid username or password.'),
  userNotFound: (identifier: string, tenantName: string) =>
    new EntraError(
      50034,
      'invalid_grant',
      `The user account ${identifier} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`,
    ),
  userDisabled: () => new EntraError(50057, 'invalid_grant', 'The user account is disabled.'),
  loginRequired: () =>
    new EntraError(50058, 'login_required', 'A silent sign-in request was sent but no user is signed in.'),
  interactionRequired: (clientId: string, appName: string) =>
    new EntraError(
      65001,
      'consent_required',
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
    ),
  throttled: () =>
    new EntraError(
      90055,
      'temporarily_unavailable',
      'TenantThrottlingError - There are too many incoming requests. This exception is thrown for blocked tenants.',
      429,
    ),
};
