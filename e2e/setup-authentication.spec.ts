import crypto from 'node:crypto';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { ADELE, sandboxControl, sandboxInfo } from './support/sandbox';
import { SANDBOX, urlOf } from './support/servers';

// Issue 5's acceptance, in Chromium against the sandbox: the popup sign-in, the sign-in link, and each error.

const NEW_CONNECTION = '/integration/service-connections/connections/new';
const MEGAN = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };
const PATTI = { username: 'patti@contoso.onmicrosoft.com', password: 'Sandbox-Patti-1' };

const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(3).toString('hex')}`;

interface TenantValues {
  name: string;
  directoryId?: string;
  clientId?: string;
  clientSecret?: string;
}

/** Add Service Connection with a Custom-cloud tenant created in place, pointing at the sandbox. */
async function startNewConnection(page: Page, service: string, tenant: TenantValues) {
  const info = await sandboxInfo();
  await page.goto(NEW_CONNECTION);
  await page.getByLabel('Service', { exact: true }).selectOption({ label: service });
  await page.getByRole('button', { name: 'New tenant' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tenant' });
  await dialog.getByLabel('Name', { exact: true }).fill(tenant.name);
  await dialog.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Authority host').fill(info.authorityHost);
  await dialog.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await dialog.getByLabel('Tenant ID').fill(tenant.directoryId ?? info.tenantId);
  await dialog.getByLabel('Client ID').fill(tenant.clientId ?? info.clientId);
  await dialog.getByLabel('Client Secret', { exact: true }).fill(tenant.clientSecret ?? info.clientSecret);
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(dialog).toBeHidden();
}

async function signInAtMicrosoft(
  popup: Page,
  person: { username: string; password: string },
  decision: 'Accept' | 'Cancel' = 'Accept',
) {
  await popup.getByLabel('Email, phone, or Skype').fill(person.username);
  await popup.getByLabel('Password').fill(person.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  // Microsoft shows the permissions page only until the person has consented (another spec may have signed the same
  // person in first). Declining needs the page, so the consent-declined test withdraws the consent beforehand.
  const button = popup.getByRole('button', { name: decision });
  if (decision === 'Cancel') return button.click();
  const never = () => new Promise<never>(() => undefined);
  const next = await Promise.race([
    button.waitFor().then(() => 'consent' as const, never),
    popup
      .waitForURL((url) => !url.href.startsWith(SANDBOX.authorityHost), { waitUntil: 'commit' })
      .then(() => 'back' as const, never),
    (popup.isClosed() ? Promise.resolve() : popup.waitForEvent('close')).then(() => 'closed' as const, never),
  ]);
  if (next === 'consent') await button.click();
}

async function setupAuthenticationInPopup(page: Page, person = ADELE, decision: 'Accept' | 'Cancel' = 'Accept') {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Setup Authentication' }).click();
  const popup = await popupOpened;
  await signInAtMicrosoft(popup, person, decision);
  return popup;
}

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;

test('Setup Authentication in a popup shows the account without a reload, then Save & Close lists it', async ({
  page,
}) => {
  // Everything the console sends to this browser, to prove no token, code or secret is in it.
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(urlOf('main'))) bodies.push(response.text().catch(() => ''));
  });
  await signIn(page);
  const tenant = unique('Popup Contoso');
  await startNewConnection(page, 'Microsoft Entra ID Graph API', { name: tenant });
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  const popup = await setupAuthenticationInPopup(page);
  // The redirect page closes itself; it may already have done so.
  if (!popup.isClosed()) await popup.waitForEvent('close');
  const status = page.getByTestId('auth-status');
  await expect(status).toContainText(`Authenticated as ${ADELE.username}`);
  await expect(status).toContainText('https://graph.microsoft.com/Mail.Send');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(/\/integration\/service-connections\/connections$/);
  const row = page.getByRole('row', { name: new RegExp(`Microsoft Entra ID Graph API - ${tenant}`) });
  await expect(row).toContainText(`Authenticated as ${ADELE.username}`);

  const info = await sandboxInfo();
  const sent = (await Promise.all(bodies)).join('\n');
  expect(sent.length).toBeGreaterThan(1000);
  expect(sent).not.toMatch(JWT);
  expect(sent).not.toContain(info.clientSecret);
  // A secret as a JSON member; the word alone is in the bundles now (a tenant's credential type is "secret").
  expect(sent).not.toMatch(/refresh_token|code_verifier|"secret"\s*:/);
});

async function openConnectionPage(page: Page, tenant: string) {
  await page.goto(
    `/integration/service-connections/connections?q=${encodeURIComponent(tenant.split(' ')[2] ?? tenant)}`,
  );
  await page
    .getByRole('link', { name: new RegExp(tenant) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(tenant);
}

test('a mailbox user completes the sign-in from a single-use link, without a console session', async ({
  page,
  browser,
}) => {
  await signIn(page);
  const tenant = unique('Link Contoso');
  await startNewConnection(page, 'Microsoft Entra ID Exchange', { name: tenant });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  // Saved, and nobody has signed in yet: Save & Close opens the connection itself.
  await expect(page).toHaveURL(/\/integration\/service-connections\/connections\/[a-z0-9]+\?saved=1$/);
  await openConnectionPage(page, tenant);

  await page.getByRole('button', { name: 'Send sign-in link' }).click();
  const link = (await page.getByTestId('sign-in-link').textContent()) ?? '';
  expect(link).toMatch(/\/wm\/externalAuth\/sign-in\//);

  const outsider = await browser.newContext({ ignoreHTTPSErrors: true });
  const user = await outsider.newPage();
  await user.goto(link);
  await expect(user.getByRole('heading', { name: 'Connect a mailbox' })).toBeVisible();
  await user.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await signInAtMicrosoft(user, MEGAN);
  await expect(user.getByRole('heading', { name: `Authenticated as ${MEGAN.username}` })).toBeVisible();
  // The mailbox user never gets into the console.
  await user.goto(`${urlOf('main')}/integration/service-connections/connections`);
  await expect(user).toHaveURL(/\/login\?next=%2Fintegration%2Fservice-connections%2Fconnections$/);
  // The link works once.
  await user.goto(link);
  await expect(user.getByText(/already used/)).toBeVisible();
  await outsider.close();

  await page.reload();
  await expect(page.getByText(`Authenticated as ${MEGAN.username}`).first()).toBeVisible();
});

test('consent declined: the sign-in window explains AADSTS65004 and the connection stays as it was', async ({
  page,
}) => {
  await signIn(page);
  // Someone who has not consented yet gets the permissions page (Microsoft skips it once consent exists).
  const info = await sandboxInfo();
  const control = await sandboxControl();
  await control.delete(`users/${PATTI.username}/consents/${info.clientId}`);
  await control.dispose();
  await startNewConnection(page, 'Microsoft Entra ID Graph API', { name: unique('Declined') });
  const popup = await setupAuthenticationInPopup(page, PATTI, 'Cancel');
  await expect(popup.getByRole('heading', { name: /Sign-in failed: AADSTS65004/ })).toBeVisible();
  await expect(popup.getByText('choose Accept on the permissions page')).toBeVisible();
  await expect(page.getByTestId('setup-problem')).toContainText('Microsoft refused the sign-in');
  await expect(page.getByTestId('auth-status')).toContainText('Not authenticated');
});

for (const [label, tenant, code, words] of [
  ['wrong client secret', { clientSecret: 'not-the-right-secret-value' }, 'AADSTS7000215', /Secret ID/],
  ['unknown tenant', { directoryId: crypto.randomUUID() }, 'AADSTS90002', /Tenant ID/],
] as const) {
  test(`${label}: Setup Authentication explains ${code} before anyone signs in`, async ({ page }) => {
    await signIn(page);
    await startNewConnection(page, 'Microsoft Entra ID Graph API', { name: unique(label), ...tenant });
    const popups: Page[] = [];
    page.on('popup', (p) => popups.push(p));
    await page.getByRole('button', { name: 'Setup Authentication' }).click();
    const alert = page.getByTestId('setup-problem');
    await expect(alert).toContainText(code);
    await expect(alert).toContainText(words);
    for (const p of popups) await expect.poll(() => p.isClosed()).toBe(true);
  });
}

async function signInAt(browser: Browser, base: string) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: base });
  const page = await context.newPage();
  await signIn(page, undefined, base);
  return { context, page };
}

test('redirect URI not registered: Microsoft shows AADSTS50011, and the console shows the exact URI to register', async ({
  browser,
}) => {
  // Reached as 127.0.0.1 instead of localhost, the console's Redirect URI is one the app registration lacks.
  const base = urlOf('main').replace('localhost', '127.0.0.1');
  const { context, page } = await signInAt(browser, base);
  await startNewConnection(page, 'Microsoft Entra ID Graph API', { name: unique('Mismatch') });
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Setup Authentication' }).click();
  const popup = await popupOpened;
  await expect(popup.getByText('AADSTS50011').first()).toBeVisible();
  await popup.close();
  const alert = page.getByTestId('setup-problem');
  await expect(alert).toContainText('AADSTS50011');
  await expect(alert).toContainText(`${base}/wm/externalAuth/redirect.html`);
  await context.close();
});

test('Verify credentials on the tenant form proves the values with Microsoft, and explains a refusal', async ({
  page,
}) => {
  await signIn(page);
  const info = await sandboxInfo();
  await page.goto('/integration/service-connections/tenants/new');
  await page.getByLabel('Name', { exact: true }).fill(unique('Verify'));
  await page.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await page.getByLabel('Authority host').fill(info.authorityHost);
  await page.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await page.getByLabel('Tenant ID').fill(info.tenantDomain);
  await page.getByLabel('Client ID').fill(info.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill('a-wrong-secret-value');
  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('AADSTS7000215');
  await expect(page.getByTestId('verify-result')).toContainText('Secret ID');

  await page.getByLabel('Client Secret', { exact: true }).fill(info.clientSecret);
  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByTestId('verify-result')).toContainText(
    'Microsoft accepted the Tenant ID, Client ID and Client Secret',
  );
});

test('a revoked sign-in turns the connection into "Needs re-authentication" with a banner on every page; re-authenticating clears it', async ({
  page,
}) => {
  await signIn(page);
  const tenant = unique('Revoked');
  // Lidia's tokens are revoked here and nowhere else, so tests running beside this one are not disturbed.
  const LIDIA = { username: 'lidia@contoso.onmicrosoft.com', password: 'Sandbox-Lidia-1' };
  await startNewConnection(page, 'Microsoft Entra ID Graph API', { name: tenant });
  const popup = await setupAuthenticationInPopup(page, LIDIA);
  if (!popup.isClosed()) await popup.waitForEvent('close');
  await expect(page.getByTestId('auth-status')).toContainText(`Authenticated as ${LIDIA.username}`);
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await openConnectionPage(page, tenant);

  const control = await sandboxControl();
  await control.post(`users/${encodeURIComponent(LIDIA.username)}/revoke-refresh-tokens`);
  await control.dispose();
  // Test refreshes the token, which is what Microsoft now refuses.
  await page.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByText(/No token: AADSTS50173/)).toBeVisible();

  const banner = page.getByRole('alert').filter({ hasText: 'needs re-authentication' });
  await page.goto('/audit-log');
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('link', { name: new RegExp(tenant) })).toBeVisible();
  await expect(banner).toContainText('AADSTS50173');

  // The start page puts what needs a person first: this connection, by name, with Microsoft's reason.
  await page.goto('/');
  const connections = page.getByRole('region', { name: 'Connections' });
  await expect(connections.getByRole('listitem').first()).toContainText('Needs re-authentication');
  await expect(connections.getByRole('link', { name: new RegExp(tenant) })).toBeVisible();

  await banner.getByRole('link', { name: new RegExp(tenant) }).click();
  await expect(page.getByTestId('auth-status')).toContainText('Needs re-authentication');
  const again = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Re-authenticate' }).click();
  const second = await again;
  await second.getByLabel('Email, phone, or Skype').fill(LIDIA.username);
  await second.getByLabel('Password').fill(LIDIA.password);
  await second.getByRole('button', { name: 'Sign in' }).click();
  if (!second.isClosed()) await second.waitForEvent('close');
  await expect(page.getByTestId('auth-status')).toContainText(`Authenticated as ${LIDIA.username}`);
  await page.goto('/audit-log');
  await expect(page.getByRole('alert').filter({ hasText: new RegExp(tenant) })).toHaveCount(0);
});
