import { CryptoProvider, ServerError } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, readForm } from '../testing/browser-session';
import { createMsalClient } from '../testing/create-msal-client';
import { entraDescription, rejection } from '../testing/msal-errors';
import { signInUser, TEST_REDIRECT_URI } from '../testing/sign-in-user';
import { signInWithPages } from '../testing/sign-in-with-pages';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';
import { decodeJwtClaims } from './token-signer';

const CONSOLE_REDIRECT = 'https://console.test:8080/wm/externalAuth/redirect.html';
const adele = { username: 'adele@contoso.onmicrosoft.com', password: 'Sandbox-Adele-1' };
const megan = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ redirectUris: [CONSOLE_REDIRECT] });
});
afterAll(() => sandbox.close());

function authorizeUrl(params: Record<string, string>, tenant = sandbox.info.tenantId): string {
  const url = new URL(`${sandbox.info.authorityHost}/${tenant}/oauth2/v2.0/authorize`);
  const defaults = {
    client_id: sandbox.info.clientId,
    response_type: 'code',
    redirect_uri: TEST_REDIRECT_URI,
    scope: 'openid profile offline_access https://outlook.office.com/SMTP.Send',
    state: 'state-123',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params })) url.searchParams.set(key, value);
  return url.toString();
}

describe('authorization code flow: sign-in and consent pages', () => {
  it('signs a mailbox user in, asks consent, and MSAL redeems the code (PKCE, state, nonce)', async () => {
    sandbox.control.resetCounters();
    const { result, outcome } = await signInUser(sandbox, {
      ...adele,
      scopes: ['https://outlook.office.com/SMTP.Send'],
    });
    const [signIn, consent] = outcome.pages;
    expect(signIn?.html).toContain('<label for="i0116">Email, phone, or Skype</label>');
    expect(signIn?.html).toContain('<label for="i0118">Password</label>');
    expect(signIn?.html).toContain('>Sign in</button>');
    expect(consent?.html).toContain('Permissions requested');
    expect(consent?.html).toContain('Send emails from mailboxes using SMTP AUTH.');
    expect(consent?.html).toContain('Maintain access to data you have given it access to');
    expect(readForm(consent?.html ?? '')?.buttons.map((b) => b.text)).toEqual(['Cancel', 'Accept']);

    expect(result.account?.username).toBe(adele.username);
    expect(result.account?.tenantId).toBe(sandbox.info.tenantId);
    expect(result.account?.homeAccountId).toBe(`${result.uniqueId}.${sandbox.info.tenantId}`);
    expect(result.scopes).toContain('https://outlook.office.com/SMTP.Send');
    const access = decodeJwtClaims(result.accessToken);
    expect(access).toMatchObject({
      aud: 'https://outlook.office.com',
      tid: sandbox.info.tenantId,
      upn: adele.username,
      scp: 'SMTP.Send',
      idtyp: 'user',
      appid: sandbox.info.clientId,
    });
    expect(typeof access.uti).toBe('string');
    const id = result.idTokenClaims as Record<string, unknown>;
    expect(id).toMatchObject({
      aud: sandbox.info.clientId,
      iss: `${sandbox.info.authorityHost}/${sandbox.info.tenantId}/v2.0`,
      preferred_username: adele.username,
      tid: sandbox.info.tenantId,
      ver: '2.0',
    });
    expect(typeof id.nonce).toBe('string');
    expect(sandbox.control.tokenRequestCount('authorization_code')).toBe(1);
  });

  it('skips the password (browser session) and the consent already given the second time', async () => {
    const first = await signInUser(sandbox, { ...megan, scopes: ['https://graph.microsoft.com/Mail.Send'] });
    const second = await signInUser(sandbox, {
      ...megan,
      scopes: ['https://graph.microsoft.com/Mail.Send'],
      browser: first.browser,
    });
    expect(second.outcome.pages).toHaveLength(1);
    expect(second.outcome.pages[0]?.status).toBe(302);
    expect(decodeJwtClaims(second.result.accessToken)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      scp: expect.stringContaining('Mail.Send'),
    });

    const again = await signInUser(sandbox, {
      ...megan,
      scopes: ['https://graph.microsoft.com/Mail.Send'],
      browser: first.browser,
      prompt: 'login',
    });
    expect(again.outcome.pages.map((p) => p.status)).toEqual([200, 302]);
  });

  it('consents to every configured permission of a resource for /.default, and puts email in the id token when asked', async () => {
    const { result, outcome } = await signInUser(sandbox, {
      username: 'patti@contoso.onmicrosoft.com',
      password: 'Sandbox-Patti-1',
      scopes: ['https://graph.microsoft.com/.default', 'email'],
    });
    const consent = outcome.pages[1]?.html ?? '';
    for (const line of [
      'Send mail as you',
      'Send mail on behalf of others',
      'Read and write access to your mail',
      'Read and write user and shared mail',
      'View your email address',
    ])
      expect(consent).toContain(line);
    const scp = String(decodeJwtClaims(result.accessToken).scp).split(' ');
    expect(scp).toEqual(
      expect.arrayContaining([
        'User.Read',
        'Mail.Send',
        'Mail.Send.Shared',
        'Mail.ReadWrite',
        'Mail.ReadWrite.Shared',
        'email',
      ]),
    );
    expect((result.idTokenClaims as Record<string, unknown>).email).toBe('patti@contoso.onmicrosoft.com');
  });

  it('lets MSAL reject an id token whose nonce is not the one it sent', async () => {
    const url = authorizeUrl({ nonce: 'sent-nonce', prompt: 'login' });
    const outcome = await signInWithPages(new BrowserSession(sandbox.fetch), url, adele);
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    const request = {
      code: outcome.params.get('code') ?? '',
      scopes: ['https://outlook.office.com/SMTP.Send'],
      redirectUri: TEST_REDIRECT_URI,
      nonce: 'another-nonce',
      state: 'state-123',
    };
    const error = await rejection(msal.acquireTokenByCode(request, { code: request.code, state: 'state-123' }));
    expect(error.errorCode).toBe('nonce_mismatch');
  });

  it('answers prompt=none without a session with login_required', async () => {
    const outcome = await signInWithPages(new BrowserSession(sandbox.fetch), authorizeUrl({ prompt: 'none' }), adele);
    expect(outcome.params.get('error')).toBe('login_required');
    expect(outcome.params.get('error_description')).toMatch(/^AADSTS50058:/);
    expect(outcome.params.get('state')).toBe('state-123');
  });

  it('sends access_denied AADSTS65004 when the user presses Cancel on the consent page', async () => {
    const outcome = await signInWithPages(new BrowserSession(sandbox.fetch), authorizeUrl({ prompt: 'consent' }), {
      ...adele,
      consent: 'Cancel',
    });
    expect(outcome.redirectUri).toBe(TEST_REDIRECT_URI);
    expect(outcome.params.get('error')).toBe('access_denied');
    expect(outcome.params.get('error_subcode')).toBe('cancel');
    expect(outcome.params.get('error_description')).toMatch(
      /^AADSTS65004: User declined to consent to access the app\.\r\nTrace ID: /,
    );
    expect(outcome.params.get('state')).toBe('state-123');
  });

  it('shows the password and unknown-user errors on the sign-in page', async () => {
    const browser = new BrowserSession(sandbox.fetch);
    const wrongPassword = await signInWithPages(browser, authorizeUrl({}), { ...adele, password: 'nope' });
    expect(wrongPassword.final.html).toContain('Your account or password is incorrect.');
    expect(wrongPassword.final.html).toContain('AADSTS50126');
    const unknown = await signInWithPages(browser, authorizeUrl({}), {
      username: 'ghost@contoso.onmicrosoft.com',
      password: 'x',
    });
    expect(unknown.final.html).toContain(
      'AADSTS50034: The user account ghost@contoso.onmicrosoft.com does not exist in the Contoso directory.',
    );
  });

  it('pre-fills login_hint and supports response_mode=form_post', async () => {
    const browser = new BrowserSession(sandbox.fetch);
    const first = await browser.get(
      authorizeUrl({ login_hint: adele.username, response_mode: 'form_post', prompt: 'login' }),
    );
    expect(readForm(first.html)?.fields.login).toBe(adele.username);
    const posted = await browser.submit(first, { passwd: adele.password });
    const consentOrPost = readForm(posted.html)?.buttons.some((b) => b.text === 'Accept')
      ? await browser.submit(posted, {}, 'Accept')
      : posted;
    const form = readForm(consentOrPost.html);
    expect(form?.action).toBe(TEST_REDIRECT_URI);
    expect(form?.method).toBe('POST');
    expect(form?.fields.code).toMatch(/^0\.A/);
    expect(form?.fields.state).toBe('state-123');
  });

  it('ignores the port of a loopback redirect URI and accepts redirect URIs added at start', async () => {
    const loopback = await signInWithPages(
      new BrowserSession(sandbox.fetch),
      authorizeUrl({ redirect_uri: 'http://localhost:45678/wm/externalAuth/redirect.html' }),
      adele,
    );
    expect(loopback.redirectUri).toBe('http://localhost:45678/wm/externalAuth/redirect.html');
    expect(loopback.params.get('code')).toBeTruthy();
    const added = await signInWithPages(
      new BrowserSession(sandbox.fetch),
      authorizeUrl({ redirect_uri: CONSOLE_REDIRECT }),
      adele,
    );
    expect(added.redirectUri).toBe(CONSOLE_REDIRECT);
  });
});

describe('authorize errors shown on Entra’s own page, never redirected', () => {
  it.each([
    [
      'an unregistered redirect URI',
      { redirect_uri: 'https://evil.example/callback' },
      undefined,
      /AADSTS50011: The redirect URI &#39;https:\/\/evil.example\/callback&#39; specified in the request does not match the redirect URIs configured for the application/,
    ],
    [
      'an unknown application',
      { client_id: '99999999-9999-4999-8999-999999999999' },
      undefined,
      /AADSTS700016: Application with identifier &#39;99999999-9999-4999-8999-999999999999&#39; was not found in the directory &#39;Contoso&#39;/,
    ],
    [
      'an unknown tenant',
      {},
      'unknown.onmicrosoft.com',
      /AADSTS90002: Tenant &#39;unknown.onmicrosoft.com&#39; not found/,
    ],
    [
      'a single-tenant app at /common',
      {},
      'common',
      /AADSTS50194: Application &#39;[0-9a-f-]+&#39;\(Switchboard\) is not configured as a multi-tenant application/,
    ],
  ])('%s', async (_name, params, tenant, message) => {
    const page = await new BrowserSession(sandbox.fetch).get(authorizeUrl(params, tenant));
    expect(page.status).toBe(400);
    expect(page.location).toBeUndefined();
    expect(page.html).toMatch(message);
    expect(page.html).toContain('Correlation Id');
  });
});

describe('authorize errors sent back to the registered redirect URI', () => {
  it('refuses an unknown permission with invalid_scope AADSTS70011', async () => {
    const outcome = await signInWithPages(
      new BrowserSession(sandbox.fetch),
      authorizeUrl({ scope: 'openid https://graph.microsoft.com/Mail.Fly' }),
      adele,
    );
    expect(outcome.params.get('error')).toBe('invalid_scope');
    expect(outcome.params.get('error_description')).toMatch(
      /^AADSTS70011: The provided value for the input parameter 'scope' is not valid\. The scope openid https:\/\/graph.microsoft.com\/Mail.Fly is not valid\./,
    );
  });

  it('refuses scopes of two resources in one request with AADSTS28000', async () => {
    const outcome = await signInWithPages(
      new BrowserSession(sandbox.fetch),
      authorizeUrl({ scope: 'openid https://graph.microsoft.com/Mail.Send https://outlook.office.com/SMTP.Send' }),
      adele,
    );
    expect(outcome.params.get('error_description')).toMatch(
      /^AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource\./,
    );
  });
});

describe('redeeming the code', () => {
  it('accepts only POST at the token endpoint (AADSTS900561)', async () => {
    const response = await sandbox.fetch(`${sandbox.info.authorityHost}/${sandbox.info.tenantId}/oauth2/v2.0/token`);
    expect(((await response.json()) as { error_codes: number[] }).error_codes).toEqual([900561]);
  });

  async function codeFor(extra: Record<string, string> = {}) {
    const outcome = await signInWithPages(new BrowserSession(sandbox.fetch), authorizeUrl(extra), adele);
    const code = outcome.params.get('code');
    if (!code) throw new Error(outcome.params.get('error_description') ?? 'no code');
    return code;
  }
  const scopes = ['https://outlook.office.com/SMTP.Send'];

  it('refuses a code used twice with AADSTS54005', async () => {
    const code = await codeFor();
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    await msal.acquireTokenByCode({ code, scopes, redirectUri: TEST_REDIRECT_URI });
    const error = await rejection<ServerError>(
      msal.acquireTokenByCode({ code, scopes, redirectUri: TEST_REDIRECT_URI }),
    );
    expect(error.errorCode).toBe('invalid_grant');
    expect(entraDescription(error)).toMatch(
      /^AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token\./,
    );
  });

  it('refuses a code_verifier that does not match the code_challenge with AADSTS501481', async () => {
    const pkce = await new CryptoProvider().generatePkceCodes();
    const code = await codeFor({ code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    const other = await new CryptoProvider().generatePkceCodes();
    const error = await rejection<ServerError>(
      msal.acquireTokenByCode({ code, scopes, redirectUri: TEST_REDIRECT_URI, codeVerifier: other.verifier }),
    );
    expect(entraDescription(error)).toMatch(
      /^AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request\./,
    );
  });

  it('refuses a redirect URI other than the one of the authorize request', async () => {
    const code = await codeFor();
    const msal = createMsalClient(sandbox.info, sandbox.fetch);
    const error = await rejection<ServerError>(
      msal.acquireTokenByCode({ code, scopes, redirectUri: CONSOLE_REDIRECT }),
    );
    expect(entraDescription(error)).toMatch(/^AADSTS500112: The reply address/);
    const unregistered = await rejection<ServerError>(
      msal.acquireTokenByCode({ code: await codeFor(), scopes, redirectUri: 'https://evil.example/cb' }),
    );
    expect(entraDescription(unregistered)).toMatch(/^AADSTS50011:/);
  });

  it('refuses a code after its lifetime with AADSTS70008', async () => {
    const code = await codeFor();
    sandbox.control.updateSettings({ authorizationCodeLifetimeSeconds: 1 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const error = await rejection<ServerError>(
        createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByCode({
          code,
          scopes,
          redirectUri: TEST_REDIRECT_URI,
        }),
      );
      expect(entraDescription(error)).toMatch(/^AADSTS70008:/);
    } finally {
      sandbox.control.updateSettings({ authorizationCodeLifetimeSeconds: 600 });
    }
  });

  it('refuses a wrong client secret at redemption with AADSTS7000215', async () => {
    const code = await codeFor();
    const msal = createMsalClient(sandbox.info, sandbox.fetch, { clientSecret: 'wrong' });
    const error = await rejection<ServerError>(
      msal.acquireTokenByCode({ code, scopes, redirectUri: TEST_REDIRECT_URI }),
    );
    expect(entraDescription(error)).toMatch(/^AADSTS7000215:/);
  });
});
