import {
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type ConfidentialClientApplication,
} from '@azure/msal-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entraDescription, rejection } from '../testing/msal-errors';
import { signInUser } from '../testing/sign-in-user';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';
import { decodeJwtClaims } from './token-signer';

const adele = { username: 'adele@contoso.onmicrosoft.com', password: 'Sandbox-Adele-1' };
const megan = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };
const patti = { username: 'patti@contoso.onmicrosoft.com', password: 'Sandbox-Patti-1' };
const GRAPH_SEND = ['https://graph.microsoft.com/Mail.Send'];
const SMTP_SEND = ['https://outlook.office.com/SMTP.Send'];

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.control.updateSettings({ accessTokenLifetimeSeconds: 3599, rejectRotatedRefreshTokens: false });
});

function refreshTokenInCache(msal: ConfidentialClientApplication): string {
  const cache = JSON.parse(msal.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
  const [entry] = Object.values(cache.RefreshToken);
  return entry?.secret ?? '';
}

async function refreshDirectly(
  refreshToken: string,
  scope = 'openid offline_access https://graph.microsoft.com/Mail.Send',
) {
  const response = await sandbox.fetch(`${sandbox.info.authorityHost}/${sandbox.info.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: sandbox.info.clientId,
      client_secret: sandbox.info.clientSecret,
      refresh_token: refreshToken,
      scope,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('refresh tokens through MSAL Node acquireTokenSilent', () => {
  it('serves a valid access token from the cache without a token request', async () => {
    const { msal, result } = await signInUser(sandbox, { ...adele, scopes: GRAPH_SEND });
    sandbox.control.resetCounters();
    const silent = await msal.acquireTokenSilent({ account: result.account as AccountInfo, scopes: GRAPH_SEND });
    expect(silent.accessToken).toBe(result.accessToken);
    expect(sandbox.control.tokenRequestCount('refresh_token')).toBe(0);
  });

  it('refreshes a short-lived token once, and the rotated refresh token replaces the old one in the cache', async () => {
    sandbox.control.setAccessTokenLifetime(60);
    const { msal, result } = await signInUser(sandbox, { ...adele, scopes: GRAPH_SEND });
    const before = refreshTokenInCache(msal);
    sandbox.control.resetCounters();
    const silent = await msal.acquireTokenSilent({ account: result.account as AccountInfo, scopes: GRAPH_SEND });
    expect(sandbox.control.tokenRequestCount('refresh_token')).toBe(1);
    expect(silent.accessToken).not.toBe(result.accessToken);
    expect(decodeJwtClaims(silent.accessToken).exp as number).toBeGreaterThan(Date.now() / 1000 + 50);
    const after = refreshTokenInCache(msal);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^1\.A/);
  });

  it('keeps accepting a rotated refresh token, as Entra does, unless strict rotation is on', async () => {
    const { msal } = await signInUser(sandbox, { ...megan, scopes: GRAPH_SEND });
    const first = refreshTokenInCache(msal);
    const rotated = await refreshDirectly(first);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(first);
    expect((await refreshDirectly(first)).status).toBe(200);
    sandbox.control.updateSettings({ rejectRotatedRefreshTokens: true });
    const refused = await refreshDirectly(first);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
    expect((await refreshDirectly(rotated.body.refresh_token ?? '')).status).toBe(200);
  });

  it('gives a token for another resource from the same refresh token once that resource is consented', async () => {
    const { msal, result, browser } = await signInUser(sandbox, { ...patti, scopes: GRAPH_SEND });
    const account = result.account as AccountInfo;
    const notConsented = await rejection<InteractionRequiredAuthError>(
      msal.acquireTokenSilent({ account, scopes: SMTP_SEND }),
    );
    expect(notConsented).toBeInstanceOf(InteractionRequiredAuthError);
    expect(entraDescription(notConsented)).toMatch(
      /^AADSTS65001: The user or administrator has not consented to use the application with ID '[0-9a-f-]+' named 'Switchboard'\./,
    );
    await signInUser(sandbox, { ...patti, scopes: SMTP_SEND, browser });
    const smtp = await msal.acquireTokenSilent({ account, scopes: SMTP_SEND });
    expect(decodeJwtClaims(smtp.accessToken)).toMatchObject({ aud: 'https://outlook.office.com', scp: 'SMTP.Send' });
  });

  it('refuses refresh tokens revoked by an administrator with AADSTS50173', async () => {
    sandbox.control.setAccessTokenLifetime(60);
    const { msal, result } = await signInUser(sandbox, { ...adele, scopes: GRAPH_SEND });
    sandbox.control.revokeRefreshTokens(adele.username);
    const error = await rejection<ServerError>(
      msal.acquireTokenSilent({ account: result.account as AccountInfo, scopes: GRAPH_SEND }),
    );
    // Entra sends no suberror here, so MSAL throws a plain ServerError: callers must look at invalid_grant.
    expect(error).toBeInstanceOf(ServerError);
    expect(error.errorCode).toBe('invalid_grant');
    expect(entraDescription(error)).toMatch(
      /^AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed\. The user might have changed or reset their password\. The grant was issued on '\d{4}-\d\d-\d\dT[\d:.]+Z' and the TokensValidFrom date \(before which tokens are not valid\) for this user is '\d{4}-/,
    );
  });

  it('refuses refresh tokens unused for 90 days with AADSTS700082', async () => {
    sandbox.control.setAccessTokenLifetime(60);
    const { msal, result } = await signInUser(sandbox, { ...megan, scopes: GRAPH_SEND });
    const response = await sandbox.fetch(`${sandbox.controlUrl}/users/${megan.username}/expire-refresh-tokens`, {
      method: 'POST',
    });
    expect(response.status).toBe(204);
    const error = await rejection<InteractionRequiredAuthError>(
      msal.acquireTokenSilent({ account: result.account as AccountInfo, scopes: GRAPH_SEND }),
    );
    expect(error.subError).toBe('bad_token');
    expect(entraDescription(error)).toMatch(
      /^AADSTS700082: The refresh token has expired due to inactivity\. The token was issued on \d{4}-\d\d-\d\dT[\d:.]{8,}\d{7}Z and was inactive for 90\.00:00:00\./,
    );
  });

  it('refuses a refresh token presented by another application', async () => {
    const { msal } = await signInUser(sandbox, { ...adele, scopes: GRAPH_SEND });
    const response = await sandbox.fetch(`${sandbox.info.authorityHost}/${sandbox.info.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'e2b7c5d1-4a9f-4c63-8e1b-7f0a3d6c9b52',
        client_secret: 'Sbx8Q~legacy-mailer-expired-secret-value01',
        refresh_token: refreshTokenInCache(msal),
        scope: 'https://graph.microsoft.com/Mail.Send',
      }),
    });
    // The client is authenticated first: that app's secret has expired.
    expect(((await response.json()) as { error_codes: number[] }).error_codes).toEqual([7000222]);
  });
});
