import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxConfig } from '../sandbox/config/sandbox-config-schema';
import { type Sandbox, startSandbox } from '../sandbox/start-sandbox';
import { signIn } from './support/console';
import { ADELE } from './support/sandbox';
import { ROOT, SANDBOX_TLS_DIR, urlOf } from './support/servers';
import { expect, test } from './support/test';

// Issue 14 §3 in Chromium: a Custom tenant names its own Graph and Exchange resources on the tenant form (shown for
// Custom only, checked at the field), and a sandbox that answers for those names only (as a national cloud answers
// for graph.microsoft.us; any other name is AADSTS500011) completes Setup Authentication in the popup and Test.
// That sandbox runs in this worker with the e2e sandbox's certificate authority, which the console already trusts.

const RESOURCES = { graph: 'https://graph.contoso-cloud.test', exchange: 'https://outlook.contoso-cloud.test' };
const TENANTS = '/integration/service-connections/tenants';

let sandbox: Sandbox;

test.beforeAll(async () => {
  const defaults = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'sandbox', 'default-config.json'), 'utf8'),
  ) as SandboxConfig;
  sandbox = await startSandbox({
    dataDir: SANDBOX_TLS_DIR,
    redirectUris: [`${urlOf('main')}/wm/externalAuth/redirect.html`],
    config: { ...defaults, resources: RESOURCES },
  });
});
test.afterAll(async () => sandbox?.close());

test('a Custom tenant with its own resource names signs in, and Test calls Graph with them', async ({ page }) => {
  const { info } = sandbox;
  const name = `Contoso cloud ${crypto.randomBytes(3).toString('hex')}`;
  await signIn(page);
  await page.goto(`${TENANTS}/new`);
  await expect(page.getByLabel('Graph resource')).toHaveCount(0);
  await page.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await expect(page.getByLabel('Graph resource')).toHaveAttribute('placeholder', 'https://graph.microsoft.com');
  await expect(page.getByLabel('Exchange resource')).toHaveAttribute('placeholder', 'https://outlook.office.com');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Authority host').fill(info.authorityHost);
  await page.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await page.getByLabel('Graph resource').fill('http://graph.contoso-cloud.test/Mail.Send');
  await page.getByLabel('Exchange resource').fill(RESOURCES.exchange);
  await page.getByLabel('Tenant ID').fill(info.tenantId);
  await page.getByLabel('Client ID').fill(info.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill(info.clientSecret);
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(
    page.getByText('Enter the Graph resource as an https:// origin without a path, such as https://graph.contoso.test'),
  ).toBeVisible();
  await expect(page.getByLabel('Graph resource')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Graph resource').fill(RESOURCES.graph);
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${TENANTS}$`));

  await page.goto('/integration/service-connections/connections/new');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Microsoft Entra ID Graph API' });
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label: name });
  const authorizeUrls: URL[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/oauth2/v2.0/authorize')) authorizeUrls.push(url);
  });
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Setup Authentication' }).click();
  const popup = await popupOpened;
  await popup.getByLabel('Email, phone, or Skype').fill(ADELE.username);
  await popup.getByLabel('Password').fill(ADELE.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  // The permissions page, unless this sandbox already has Adele's consent; then the popup closes by itself.
  const accept = popup.getByRole('button', { name: 'Accept' });
  await Promise.race([accept.waitFor().then(() => accept.click()), popup.waitForEvent('close')]);
  const status = page.getByTestId('auth-status');
  await expect(status).toContainText(`Authenticated as ${ADELE.username}`);
  await expect(status).toContainText(`${RESOURCES.graph}/Mail.Send`);
  await expect(status).not.toContainText('graph.microsoft.com');
  // The URL the popup opened asked the tenant's own Graph resource in every scope.
  const scopes = (authorizeUrls[0]?.searchParams.get('scope') ?? '').split(' ');
  expect(authorizeUrls[0]?.origin).toBe(info.authorityHost);
  expect(scopes).toContain(`${RESOURCES.graph}/Mail.Send`);
  expect(scopes.filter((s) => s.includes('/') && !s.startsWith(`${RESOURCES.graph}/`))).toEqual([]);

  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(/\/integration\/service-connections\/connections$/);
  await page.goto(`/integration/service-connections/connections?q=${encodeURIComponent(name.split(' ')[2] ?? name)}`);
  await page.getByRole('link', { name: new RegExp(`Microsoft Entra ID Graph API - ${name}`) }).click();
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByText(/Graph \/me answered: Adele Vance/)).toBeVisible();
});
