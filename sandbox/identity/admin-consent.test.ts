import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, readForm } from '../testing/browser-session';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

// The admin consent endpoint walked the way an administrator's browser walks it: sign in, consent page, the answer
// on the redirect URI. Every test starts its own browser (no session), and the consent state is checked through a
// later sign-in, which needs no consent page once the organisation consented.

const REDIRECT = 'https://console.test:8080/wm/externalAuth/redirect.html';
const adele = { login: 'adele@contoso.onmicrosoft.com', passwd: 'Sandbox-Adele-1' };
const megan = { login: 'megan@contoso.onmicrosoft.com', passwd: 'Sandbox-Megan-1' };

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ redirectUris: [REDIRECT] });
});
afterAll(() => sandbox.close());

function adminConsentUrl(params: Record<string, string | null> = {}, path = 'v2.0/adminconsent'): string {
  const url = new URL(`${sandbox.info.authorityHost}/${sandbox.info.tenantId}/${path}`);
  const defaults: Record<string, string | null> = {
    client_id: sandbox.info.clientId,
    scope: 'https://graph.microsoft.com/.default',
    redirect_uri: REDIRECT,
    state: 'consent-state-1',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params }))
    if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

function answerOf(location: string | undefined): URLSearchParams {
  expect(location).toBeDefined();
  const url = new URL(location ?? '');
  expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
  return url.searchParams;
}

/** Whether a user's sign-in to the app still shows the consent page. */
async function signInAsksConsent(user: { login: string; passwd: string }): Promise<boolean> {
  const browser = new BrowserSession(sandbox.fetch);
  const authorize = new URL(`${sandbox.info.authorityHost}/${sandbox.info.tenantId}/oauth2/v2.0/authorize`);
  for (const [key, value] of Object.entries({
    client_id: sandbox.info.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid profile offline_access https://graph.microsoft.com/Mail.Send',
    state: 's',
  }))
    authorize.searchParams.set(key, value);
  const signIn = await browser.get(authorize.toString());
  const next = await browser.submit(signIn, user);
  return next.status === 200 && next.html.includes('Permissions requested');
}

describe('admin consent endpoint', () => {
  it('an unregistered redirect URI is shown on the sandbox page as AADSTS50011, never followed', async () => {
    const browser = new BrowserSession(sandbox.fetch);
    const page = await browser.get(adminConsentUrl({ redirect_uri: 'https://evil.test/steal' }));
    expect(page.status).toBe(400);
    expect(page.location).toBeUndefined();
    expect(page.html).toContain('AADSTS50011');
    expect(page.html).toContain('https://evil.test/steal');
  });

  it('an unknown application is AADSTS700016 on the page', async () => {
    const browser = new BrowserSession(sandbox.fetch);
    const page = await browser.get(adminConsentUrl({ client_id: '00000000-0000-0000-0000-0000000000aa' }));
    expect(page.location).toBeUndefined();
    expect(page.html).toContain('AADSTS700016');
  });

  it('a user who is not an administrator gets AADSTS90094 and nothing is granted', async () => {
    const browser = new BrowserSession(sandbox.fetch);
    const signIn = await browser.get(adminConsentUrl());
    const refusal = await browser.submit(signIn, megan);
    expect(refusal.html).toContain('Need admin approval');
    expect(refusal.html).toContain('AADSTS90094');
    const back = await browser.submit(refusal, {}, 'Return to the application without granting consent');
    const answer = answerOf(back.location);
    expect(answer.get('admin_consent')).toBe('True');
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('error_description')).toMatch(/^AADSTS90094: The grant requires admin permission\./);
    expect(answer.get('state')).toBe('consent-state-1');
    expect(await signInAsksConsent(megan)).toBe(true);
  });

  it('an administrator who declines: AADSTS65004 with the state, and users are still asked', async () => {
    const browser = new BrowserSession(sandbox.fetch);
    const signIn = await browser.get(adminConsentUrl({ state: 'declined-state' }));
    const consent = await browser.submit(signIn, adele);
    expect(consent.html).toContain('Permissions requested');
    expect(consent.html).toContain('for all users in');
    expect(readForm(consent.html)?.buttons.map((b) => b.text)).toEqual(['Cancel', 'Accept']);
    const answer = answerOf((await browser.submit(consent, {}, 'Cancel')).location);
    expect(answer.get('admin_consent')).toBe('True');
    expect(answer.get('error')).toBe('consent_required');
    expect(answer.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(answer.get('state')).toBe('declined-state');
    expect(await signInAsksConsent(megan)).toBe(true);
  });

  it('an administrator who accepts: admin_consent=True with the tenant, scope and state; no user is asked again', async () => {
    expect(await signInAsksConsent(megan)).toBe(true);
    const browser = new BrowserSession(sandbox.fetch);
    const signIn = await browser.get(adminConsentUrl({ state: 'granted-state' }));
    const consent = await browser.submit(signIn, adele);
    const done = await browser.submit(consent, {}, 'Accept');
    expect(done.status).toBe(302);
    const answer = answerOf(done.location);
    expect(Object.fromEntries(answer)).toEqual({
      admin_consent: 'True',
      tenant: sandbox.info.tenantId,
      scope: 'https://graph.microsoft.com/.default',
      state: 'granted-state',
    });
    expect(await signInAsksConsent(megan)).toBe(false);
    // The decision form is single use: posting it again is Entra's expired-flow page, not a second answer.
    const again = await browser.submit(consent, {}, 'Accept');
    expect(again.location).toBeUndefined();
    expect(again.html).toContain('AADSTS50089');
  });

  it('v1 /adminconsent answers without a scope; v2 without scope is refused on the redirect URI', async () => {
    const browser = new BrowserSession(sandbox.fetch);
    const signIn = await browser.get(adminConsentUrl({ scope: null, state: 'v1' }, 'adminconsent'));
    const consent = await browser.submit(signIn, adele);
    const answer = answerOf((await browser.submit(consent, {}, 'Accept')).location);
    expect(Object.fromEntries(answer)).toEqual({ admin_consent: 'True', tenant: sandbox.info.tenantId, state: 'v1' });

    const missing = await new BrowserSession(sandbox.fetch).get(adminConsentUrl({ scope: null }));
    expect(answerOf(missing.location).get('error_description')).toMatch(/^AADSTS900144: .*'scope'/);
  });
});
