import { globalResourceOf, GLOBAL_RESOURCES } from './clouds';
import { decodeJwtClaims } from './decode-jwt-claims';
import { portalPermissionStep } from './portal-permission-step';
import { API_APP_IDS, API_LABELS, type ApiResources, type TokenApi, type TokenPath, TOKEN_PATHS } from './token-paths';

// The token inspector behind Test: what an access token says (read on the server, never shown or stored) against
// what the path it is for needs, and what is missing in one sentence with the step that adds it. Universal and
// pure. Claims are Entra's (access-token claims reference): v1.0 tokens name the user `upn`/`unique_name` and the
// client `appid`, v2.0 tokens `preferred_username` and `azp`; delegated permissions are the space-separated `scp`,
// application permissions the `roles` array.

export interface AccessTokenFacts {
  audience: string | null;
  tenantId: string | null;
  /** Delegated: the token carries `scp` and acts for a signed-in user; application: `roles`, no user. */
  kind: 'delegated' | 'application';
  scopes: string[];
  roles: string[];
  user: string | null;
  appId: string | null;
  objectId: string | null;
  expiresAt: Date | null;
}

export interface TokenFinding {
  /** A problem stops the path; a possibility is something to check (a grant the token cannot show). */
  severity: 'problem' | 'possibility';
  message: string;
  fix: string;
  /** An Exchange PowerShell command that checks the possibility. */
  check?: string;
}

export interface AccessTokenInspection {
  facts: AccessTokenFacts;
  findings: TokenFinding[];
  /** No problem found (possibilities may remain). */
  ok: boolean;
}

export interface InspectAccessTokenInput {
  accessToken: string;
  path: TokenPath;
  /** How the path authenticates: the connection's authentication type. */
  authType: 'delegated' | 'application';
  /** The tenant's cloud's resources: the audiences the path's token may carry. */
  endpoints: ApiResources;
  /** The mailbox the path acts on, for the command that checks RBAC for Applications. */
  mailbox?: string | null;
  now?: Date;
}

/** The audiences a token for `api` may carry in this cloud. */
function audiencesOf(api: TokenApi, endpoints: ApiResources): string[] {
  const names =
    api === 'graph' ? [endpoints.graphResource] : [endpoints.exchangeResource, endpoints.exchangeAppResource];
  return [...names.map((n) => n.toLowerCase()), API_APP_IDS[api]];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

function factsOf(claims: Record<string, unknown>): AccessTokenFacts {
  const scopes = (text(claims.scp) ?? '').split(' ').filter(Boolean);
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const user = text(claims.upn) ?? text(claims.preferred_username) ?? text(claims.unique_name);
  // `idtyp` is optional in Entra's tokens; without `scp` and without a user, a token is the application's own.
  const delegated = scopes.length > 0 || claims.idtyp === 'user' || (claims.idtyp !== 'app' && user !== null);
  return {
    audience: text(claims.aud),
    tenantId: text(claims.tid),
    kind: delegated ? 'delegated' : 'application',
    scopes,
    roles,
    user,
    appId: text(claims.appid) ?? text(claims.azp),
    objectId: text(claims.oid),
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
  };
}

/** Which API an audience is, in any cloud, or null for anything else. */
function apiOf(audience: string): TokenApi | null {
  const wanted = audience.toLowerCase().replace(/\/+$/, '');
  if (wanted === API_APP_IDS.graph) return 'graph';
  if (wanted === API_APP_IDS.exchange) return 'exchange';
  const global = globalResourceOf(wanted);
  if (global === GLOBAL_RESOURCES.graph) return 'graph';
  if (global === GLOBAL_RESOURCES.exchange) return 'exchange';
  return null;
}

function audienceFinding(facts: AccessTokenFacts, input: InspectAccessTokenInput): TokenFinding | null {
  const needs = TOKEN_PATHS[input.path];
  const expected = audiencesOf(needs.api, input.endpoints);
  const audience = facts.audience?.toLowerCase().replace(/\/+$/, '') ?? null;
  if (audience && expected.includes(audience)) return null;
  const resource =
    needs.api === 'graph'
      ? input.endpoints.graphResource
      : input.authType === 'application'
        ? input.endpoints.exchangeAppResource
        : input.endpoints.exchangeResource;
  const wanted = `${API_LABELS[needs.api]} (${resource})`;
  const actual = audience ? apiOf(audience) : null;
  if (actual === needs.api)
    return {
      severity: 'problem',
      message: `The token is for ${facts.audience}, ${API_LABELS[needs.api]} in another Microsoft cloud, but this tenant's cloud answers as ${resource}.`,
      fix: "Set the tenant's cloud to the one its directory lives in, then sign in again.",
    };
  const permission = input.authType === 'application' ? '.default' : needs.delegated[0];
  return {
    severity: 'problem',
    message: `The token is for ${facts.audience ? (actual ? `${API_LABELS[actual]} (${facts.audience})` : facts.audience) : 'no audience'}, but ${needs.what} needs a token for ${wanted}.`,
    fix: `Use a connection whose service asks for ${resource}/${permission} (a token has one audience: ${API_LABELS[needs.api]} needs its own).`,
  };
}

function kindFinding(facts: AccessTokenFacts, input: InspectAccessTokenInput): TokenFinding | null {
  const needs = TOKEN_PATHS[input.path];
  if (facts.kind === input.authType) return null;
  if (input.authType === 'application')
    return {
      severity: 'problem',
      message: `The token is delegated (scp: ${facts.scopes.join(' ') || 'none'}, for ${facts.user ?? 'a signed-in user'}), but ${needs.what} as the application needs the application permission ${needs.application[0]} in roles.`,
      fix: `${portalPermissionStep(needs.api, 'application', needs.application[0])} Then use a client-credentials connection.`,
    };
  return {
    severity: 'problem',
    message: `The token is an application token (roles: ${facts.roles.join(', ') || 'none'}, no signed-in user), but ${needs.what} as a user needs the delegated permission ${needs.delegated[0]} in scp.`,
    fix: portalPermissionStep(needs.api, 'delegated', needs.delegated[0]),
  };
}

function permissionFinding(facts: AccessTokenFacts, input: InspectAccessTokenInput): TokenFinding | null {
  const needs = TOKEN_PATHS[input.path];
  const has = (granted: string[], wanted: readonly string[]) =>
    granted.some((g) => wanted.some((w) => w.toLowerCase() === g.toLowerCase()));
  if (input.authType === 'delegated') {
    if (has(facts.scopes, needs.delegated)) return null;
    return {
      severity: 'problem',
      message: `The token's scp has no ${needs.delegated.join(' or ')} (it has: ${facts.scopes.join(' ') || 'nothing'}), which ${needs.what} needs.`,
      fix: portalPermissionStep(needs.api, 'delegated', needs.delegated[0]),
    };
  }
  if (has(facts.roles, needs.application)) return null;
  const role = needs.application[0];
  const missing = `The token's roles have no ${role} (they have: ${facts.roles.join(', ') || 'none'}), which ${needs.what} needs`;
  if (!needs.rbacForApplications)
    return { severity: 'problem', message: `${missing}.`, fix: portalPermissionStep(needs.api, 'application', role) };
  const identity = facts.appId ?? '<application id>';
  const mailbox = input.mailbox || '<mailbox>';
  return {
    severity: 'possibility',
    message: `${missing}, unless Exchange grants it through RBAC for Applications (the "Application ${role}" role, used where the tenant-wide permission is removed on purpose).`,
    fix: portalPermissionStep(needs.api, 'application', role),
    check: `Test-ServicePrincipalAuthorization -Identity ${identity} -Resource ${mailbox}`,
  };
}

export function inspectAccessToken(input: InspectAccessTokenInput): AccessTokenInspection {
  const facts = factsOf(decodeJwtClaims(input.accessToken));
  const findings: TokenFinding[] = [];
  const now = input.now ?? new Date();
  if (facts.expiresAt && facts.expiresAt.getTime() <= now.getTime())
    findings.push({
      severity: 'problem',
      message: `The token expired at ${facts.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
      fix: "Run Test again; if a fresh token is already expired, check this server's clock.",
    });
  // A token for the wrong API or of the wrong kind makes its permissions meaningless for the path: say only that.
  const first = audienceFinding(facts, input) ?? kindFinding(facts, input) ?? permissionFinding(facts, input);
  if (first) findings.push(first);
  return { facts, findings, ok: findings.every((f) => f.severity !== 'problem') };
}
