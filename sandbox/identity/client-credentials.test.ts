import { ServerError } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultConfig from '../default-config.json';
import { decodeJwtClaims } from '../identity/token-signer';
import { createMsalClient } from '../testing/create-msal-client';
import { entraDescription, rejection } from '../testing/msal-errors';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

const expiredApp = defaultConfig.tenants[0]!.applications[1]!;
const fabrikam = defaultConfig.tenants[1]!;

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

async function serverError(promise: Promise<unknown>): Promise<ServerError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ServerError);
  return error as ServerError;
}

describe('client credentials through MSAL Node', () => {
  it('issues an app-only Graph token with the configured app roles', async () => {
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    const claims = decodeJwtClaims(result?.accessToken ?? '');
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: sandbox.info.tenantId,
      appid: sandbox.info.clientId,
      idtyp: 'app',
      ver: '1.0',
      roles: ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All'],
    });
    expect(claims.scp).toBeUndefined();
    expect(typeof claims.oid).toBe('string');
    expect((claims.exp as number) - (claims.iat as number)).toBe(3599);
  });

  it('gives every token a unique uti, even two in the same second', async () => {
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    const [a, b] = await Promise.all([
      msal.acquireTokenByClientCredential({ scopes: ['https://outlook.office.com/.default'], skipCache: true }),
      msal.acquireTokenByClientCredential({ scopes: ['https://outlook.office.com/.default'], skipCache: true }),
    ]);
    expect(a?.accessToken).not.toBe(b?.accessToken);
    expect(decodeJwtClaims(a?.accessToken ?? '').uti).not.toBe(decodeJwtClaims(b?.accessToken ?? '').uti);
    expect(decodeJwtClaims(a?.accessToken ?? '')).toMatchObject({
      aud: 'https://outlook.office.com',
      roles: ['SMTP.SendAsApp'],
    });
  });

  it('serves the second request from the cache and counts token requests by grant', async () => {
    sandbox.control.resetCounters();
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(sandbox.control.tokenRequestCount('client_credentials')).toBe(1);
  });

  it('refuses an unknown application with AADSTS700016', async () => {
    const msal = createMsalClient(sandbox.info, sandbox.fetch, { clientId: '11111111-2222-3333-4444-555555555555' });
    const error = await serverError(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    );
    expect(error.errorCode).toBe('unauthorized_client');
    expect(entraDescription(error)).toMatch(
      /^AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555' was not found in the directory 'Contoso'\./,
    );
  });

  it('refuses the app in a tenant where it is not registered with AADSTS700016', async () => {
    const msal = createMsalClient(sandbox.info, sandbox.fetch, { tenant: fabrikam.domain });
    const error = await serverError(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    );
    expect(entraDescription(error)).toMatch(/^AADSTS700016: .* in the directory 'Fabrikam'/);
  });

  it('refuses a wrong client secret with AADSTS7000215', async () => {
    const msal = createMsalClient(sandbox.info, sandbox.fetch, { clientSecret: 'not-the-secret' });
    const error = await serverError(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    );
    expect(error.errorCode).toBe('invalid_client');
    expect(entraDescription(error)).toMatch(
      /^AADSTS7000215: Invalid client secret provided\. Ensure the secret being sent in the request is the client secret value, not the client secret ID/,
    );
  });

  it('refuses an expired client secret with AADSTS7000222', async () => {
    const msal = createMsalClient(sandbox.info, sandbox.fetch, {
      clientId: expiredApp.clientId,
      clientSecret: expiredApp.secrets[0]!.value,
    });
    const error = await serverError(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    );
    expect(error.errorCode).toBe('invalid_client');
    expect(entraDescription(error)).toMatch(
      new RegExp(`^AADSTS7000222: The provided client secret keys for app '${expiredApp.clientId}' are expired\\.`),
    );
  });

  it('expires a secret on demand (control API)', async () => {
    const response = await sandbox.fetch(
      `${sandbox.controlUrl}/apps/${fabrikam.applications[0]!.clientId}/expire-secret`,
      { method: 'POST' },
    );
    expect(response.status).toBe(204);
    const msal = createMsalClient(sandbox.info, sandbox.fetch, {
      tenant: fabrikam.id,
      clientId: fabrikam.applications[0]!.clientId,
      clientSecret: fabrikam.applications[0]!.secrets[0]!.value,
    });
    const error = await serverError(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    );
    expect(entraDescription(error)).toMatch(/^AADSTS7000222:/);
  });

  it('refuses an unknown tenant with AADSTS90002', async () => {
    const response = await sandbox.fetch(
      `${sandbox.info.authorityHost}/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token`,
      {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: sandbox.info.clientId,
          client_secret: sandbox.info.clientSecret,
          scope: 'https://graph.microsoft.com/.default',
        }),
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error_description: string }).error_description).toMatch(
      /^AADSTS90002: Tenant '00000000-0000-0000-0000-000000000001' not found/,
    );
  });

  it('accepts only {resource}/.default scopes (AADSTS1002012), and only known resources (AADSTS500011)', async () => {
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    const notDefault = await serverError(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/Mail.Send'] }),
    );
    expect(notDefault.errorCode).toBe('invalid_scope');
    expect(entraDescription(notDefault)).toMatch(
      /^AADSTS1002012: The provided value for scope https:\/\/graph.microsoft.com\/Mail.Send .*is not valid\. Client credential flows must have a scope value with \/\.default suffixed/,
    );
    const unknown = await serverError(
      msal.acquireTokenByClientCredential({ scopes: ['https://api.example.com/.default'] }),
    );
    expect(entraDescription(unknown)).toMatch(
      /^AADSTS500011: The resource principal named https:\/\/api.example.com was not found in the tenant named Contoso\./,
    );
  });

  it('answers the Entra error shape with the client-request-id as correlation id', async () => {
    const response = await sandbox.fetch(`${sandbox.info.authorityHost}/${sandbox.info.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'client-request-id': '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sandbox.info.clientId,
        client_secret: 'wrong',
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'correlation_id',
      'error',
      'error_codes',
      'error_description',
      'error_uri',
      'timestamp',
      'trace_id',
    ]);
    expect(body.correlation_id).toBe('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
    expect(body.error_description).toMatch(
      /\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
  });

  it('throttles on demand with 429 and Retry-After', async () => {
    sandbox.control.injectThrottle({ service: 'token', count: 1, retryAfterSeconds: 7 });
    const request = () =>
      sandbox.fetch(`${sandbox.info.authorityHost}/${sandbox.info.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: sandbox.info.clientId,
          client_secret: sandbox.info.clientSecret,
          scope: 'https://graph.microsoft.com/.default',
        }),
      });
    const throttled = await request();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(((await throttled.json()) as { error: string }).error).toBe('temporarily_unavailable');
    expect((await request()).status).toBe(200);
  });
});
