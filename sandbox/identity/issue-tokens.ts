import { createHash, randomBytes } from 'node:crypto';
import type { SandboxContext } from '../sandbox-context';
import type { AppRecord, TenantRecord, UserRecord } from '../store/directory';
import type { RequestedScopes } from './parse-scopes';

// The token response and the JWTs in it, with the claims Entra puts there. Access tokens follow Entra's
// v1.0 format (Graph's and Exchange's tokens are v1.0), id tokens the v2.0 format.

export interface TokenResponse {
  token_type: 'Bearer';
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

const now = () => Math.floor(Date.now() / 1000);
const uti = () => randomBytes(16).toString('base64url').slice(0, 22);

/** Entra's `sub` is pairwise: the same user has a different subject in each app. */
function pairwiseSubject(objectId: string, clientId: string): string {
  return createHash('sha256').update(`${objectId}|${clientId.toLowerCase()}`).digest('base64url').slice(0, 43);
}

/** The app's service principal object id in its tenant (stable, derived from the client id). */
export function servicePrincipalId(app: AppRecord): string {
  const hex = createHash('sha256').update(`sp|${app.tenantId}|${app.clientId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function accessTokenIssuer(context: SandboxContext, tenantId: string): string {
  return `${context.urls.authorityHost}/${tenantId}/`;
}

export function idTokenIssuer(context: SandboxContext, tenantId: string): string {
  return `${context.urls.authorityHost}/${tenantId}/v2.0`;
}

export function clientInfo(user: UserRecord): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

export interface DelegatedIssue {
  tenant: TenantRecord;
  app: AppRecord;
  user: UserRecord;
  scopes: RequestedScopes;
  /** Every permission of the token's resource the user has consented to. */
  permissions: string[];
  sessionId: string;
  nonce?: string;
  refreshToken?: string;
  wantClientInfo: boolean;
}

export function issueDelegatedTokens(context: SandboxContext, issue: DelegatedIssue): TokenResponse {
  const { tenant, app, user, scopes } = issue;
  const issuedAt = now();
  const lifetime = context.settings.accessTokenLifetimeSeconds;
  const oidcInScp =
    scopes.resource.key === 'graph' ? ['openid', 'profile', 'email'].filter((s) => scopes.oidc.has(s)) : [];
  const scp = [...issue.permissions, ...oidcInScp];
  const accessToken = context.signer.sign({
    aud: scopes.audience,
    iss: accessTokenIssuer(context, tenant.id),
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + lifetime,
    acct: 0,
    acr: '1',
    aio: randomBytes(24).toString('base64url'),
    amr: ['pwd'],
    app_displayname: app.displayName,
    appid: app.clientId,
    appidacr: '1',
    family_name: user.surname,
    given_name: user.givenName,
    idtyp: 'user',
    ipaddr: '127.0.0.1',
    name: user.displayName,
    oid: user.id,
    rh: `0.A${randomBytes(12).toString('base64url')}.`,
    scp: scp.join(' '),
    sid: issue.sessionId,
    sub: pairwiseSubject(user.id, scopes.resource.appId),
    tid: tenant.id,
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    uti: uti(),
    ver: '1.0',
  });
  const formatted = issue.permissions.map((p) => (scopes.qualified ? `${scopes.audience}/${p}` : p));
  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: [...formatted, ...oidcInScp].join(' '),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (issue.refreshToken) response.refresh_token = issue.refreshToken;
  if (scopes.oidc.has('openid')) response.id_token = idToken(context, issue, issuedAt);
  if (issue.wantClientInfo) response.client_info = clientInfo(user);
  return response;
}

function idToken(context: SandboxContext, issue: DelegatedIssue, issuedAt: number): string {
  const { tenant, app, user } = issue;
  const claims: Record<string, unknown> = {
    aud: app.clientId,
    iss: idTokenIssuer(context, tenant.id),
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + 3600,
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    rh: `0.A${randomBytes(12).toString('base64url')}.`,
    sid: issue.sessionId,
    sub: pairwiseSubject(user.id, app.clientId),
    tid: tenant.id,
    uti: uti(),
    ver: '2.0',
  };
  if (issue.nonce) claims.nonce = issue.nonce;
  if (issue.scopes.oidc.has('email')) claims.email = user.address;
  return context.signer.sign(claims);
}

export function issueApplicationToken(
  context: SandboxContext,
  tenant: TenantRecord,
  app: AppRecord,
  audience: string,
  roles: string[],
): TokenResponse {
  const issuedAt = now();
  const lifetime = context.settings.accessTokenLifetimeSeconds;
  const principal = servicePrincipalId(app);
  const claims: Record<string, unknown> = {
    aud: audience,
    iss: accessTokenIssuer(context, tenant.id),
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + lifetime,
    aio: randomBytes(24).toString('base64url'),
    app_displayname: app.displayName,
    appid: app.clientId,
    appidacr: '1',
    idp: accessTokenIssuer(context, tenant.id),
    idtyp: 'app',
    oid: principal,
    rh: `0.A${randomBytes(12).toString('base64url')}.`,
    sub: principal,
    tid: tenant.id,
    uti: uti(),
    ver: '1.0',
  };
  if (roles.length > 0) claims.roles = roles;
  return {
    token_type: 'Bearer',
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: context.signer.sign(claims),
  };
}
