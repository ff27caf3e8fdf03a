import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

// An identity platform for any cloud, behind MSAL's own network seam (`system.networkClient`): MSAL runs unchanged and
// every request it makes is recorded instead of leaving the process. It answers the OpenID configuration of whatever
// authority it is asked for and the token endpoint's three grants, with unsigned tokens whose audience is the
// resource the scope named (as Entra does), so what Switchboard asked for can be read back from the request and the
// token alike. Nothing is checked: the real checks live in the sandbox; this only shows what leaves Switchboard.

export interface CapturedRequest {
  method: 'GET' | 'POST';
  url: URL;
  /** The form a POST carried (grant_type, scope, …). */
  form: URLSearchParams;
}

const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** `https://graph.microsoft.us/Mail.Send` → `https://graph.microsoft.us`; a bare or OIDC scope → null. */
function resourceOf(scope: string): string | null {
  if (OIDC.has(scope.toLowerCase())) return null;
  const slash = scope.lastIndexOf('/');
  return slash > 'https://'.length ? scope.slice(0, slash) : null;
}

export class CapturedIdentityPlatform implements INetworkModule {
  readonly requests: CapturedRequest[] = [];
  /** The nonce of the sign-in being redeemed (MSAL compares it with the id token's). */
  nonce: string | undefined;
  private readonly user = {
    oid: '7d3c1a52-0f6e-4b8a-9d21-6a5b4c3d2e10',
    tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    username: 'adele@contoso.onmicrosoft.us',
  };

  tokenRequests(grant?: string): URLSearchParams[] {
    return this.requests
      .filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/oauth2/v2.0/token'))
      .map((r) => r.form)
      .filter((form) => !grant || form.get('grant_type') === grant);
  }

  sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
    const parsed = new URL(url);
    this.requests.push({ method: 'GET', url: parsed, form: new URLSearchParams() });
    const match = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(parsed.pathname);
    if (!match) return Promise.resolve(this.answer<T>(404, { error: 'not_found' }));
    const base = `${parsed.origin}/${match[1]}`;
    return Promise.resolve(
      this.answer<T>(200, {
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${parsed.origin}/${this.user.tid}/v2.0`,
        jwks_uri: `${parsed.origin}/${match[1]}/discovery/v2.0/keys`,
      }),
    );
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const parsed = new URL(url);
    const form = new URLSearchParams(typeof options?.body === 'string' ? options.body : '');
    this.requests.push({ method: 'POST', url: parsed, form });
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const resources = [...new Set(scopes.map(resourceOf).filter((r): r is string => r !== null))];
    const audience = resources[0] ?? 'https://graph.microsoft.com';
    const now = Math.floor(Date.now() / 1000);
    const common = {
      aud: audience,
      iat: now,
      nbf: now,
      exp: now + 3600,
      tid: this.user.tid,
      appid: form.get('client_id'),
    };
    if (form.get('grant_type') === 'client_credentials') {
      const roles = audience.includes('outlook') ? ['SMTP.SendAsApp'] : ['Mail.Send', 'Mail.ReadWrite'];
      return Promise.resolve(
        this.answer<T>(200, {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: unsignedJwt({ ...common, idtyp: 'app', oid: 'a9b8c7d6-0000-4000-8000-000000000001', roles }),
        }),
      );
    }
    const granted = scopes.filter((s) => resourceOf(s) !== null);
    const permissions = granted.map((s) => s.slice(s.lastIndexOf('/') + 1));
    return Promise.resolve(
      this.answer<T>(200, {
        token_type: 'Bearer',
        scope: granted.join(' '),
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: unsignedJwt({
          ...common,
          idtyp: 'user',
          oid: this.user.oid,
          upn: this.user.username,
          scp: permissions.join(' '),
        }),
        refresh_token: `refresh-${now}-${this.requests.length}`,
        id_token: unsignedJwt({
          aud: form.get('client_id'),
          iss: `${parsed.origin}/${this.user.tid}/v2.0`,
          iat: now,
          nbf: now,
          exp: now + 3600,
          oid: this.user.oid,
          sub: this.user.oid,
          tid: this.user.tid,
          preferred_username: this.user.username,
          name: 'Adele Vance',
          ver: '2.0',
          ...(this.nonce ? { nonce: this.nonce } : {}),
        }),
        client_info: Buffer.from(JSON.stringify({ uid: this.user.oid, utid: this.user.tid })).toString('base64url'),
      }),
    );
  }

  private answer<T>(status: number, body: unknown): NetworkResponse<T> {
    return { status, headers: { 'content-type': 'application/json' }, body: body as T };
  }
}
