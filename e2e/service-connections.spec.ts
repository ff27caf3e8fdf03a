import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { SERVERS } from './support/servers';

const CONNECTIONS = '/integration/service-connections/connections';
const TENANTS = '/integration/service-connections/tenants';
const SERVICES = '/integration/service-connections/services';

const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(3).toString('hex')}`;
const guid = () => crypto.randomUUID();

async function fillTenant(
  scope: Locator | Page,
  tenant: { name: string; directoryId: string; clientId: string; secret: string },
) {
  await scope.getByLabel('Name', { exact: true }).fill(tenant.name);
  await scope.getByLabel('Tenant ID').fill(tenant.directoryId);
  await scope.getByLabel('Client ID').fill(tenant.clientId);
  await scope.getByLabel('Client Secret', { exact: true }).fill(tenant.secret);
}

async function createTenantInPlace(page: Page, name: string) {
  await page.getByRole('button', { name: 'New tenant' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tenant' });
  await expect(dialog).toBeVisible();
  await fillTenant(dialog, {
    name,
    directoryId: 'contoso.onmicrosoft.com',
    clientId: guid(),
    secret: `in-place~${crypto.randomBytes(8).toString('hex')}`,
  });
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(dialog).toBeHidden();
}

test('Add Service Connection: a tenant created in place is selected, the generated name follows, and the connection is listed', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  await page.goto(CONNECTIONS);
  await page.getByRole('link', { name: 'Add Service Connection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add Service Connection' })).toBeVisible();

  const service = page.getByLabel('Service', { exact: true });
  const tenant = page.getByLabel('Tenant', { exact: true });
  const name = page.getByLabel('Name', { exact: true });
  await service.selectOption({ label: 'Microsoft Entra ID Graph API' });

  const first = unique('E2E Contoso');
  await createTenantInPlace(page, first);
  await expect(tenant.locator('option:checked')).toHaveText(first);
  await expect(service.locator('option:checked')).toHaveText('Microsoft Entra ID Graph API');
  await expect(name).toHaveValue(`Microsoft Entra ID Graph API - ${first}`);

  await service.selectOption({ label: 'Microsoft 365' });
  await expect(name).toHaveValue(`Microsoft 365 - ${first}`);

  const second = unique('E2E Fabrikam');
  await createTenantInPlace(page, second);
  await expect(tenant.locator('option:checked')).toHaveText(second);
  await expect(name).toHaveValue(`Microsoft 365 - ${second}`);
  await tenant.selectOption({ label: first });
  await expect(name).toHaveValue(`Microsoft 365 - ${first}`);

  const redirectUri = page.getByLabel('Redirect URI');
  await expect(redirectUri).toHaveValue(`${baseURL}/wm/externalAuth/redirect.html`);
  await expect(page.getByText('Microsoft Entra ID accepts http:// only for localhost')).toBeVisible();
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied', { exact: true }).first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/wm/externalAuth/redirect.html`);

  await page.getByRole('button', { name: 'Save & Close' }).click();
  // Nobody has signed in to this delegated connection yet: Save & Close opens it, with Setup Authentication at hand.
  await expect(page).toHaveURL(new RegExp(`${CONNECTIONS}/[a-z0-9]+\\?saved=1$`));
  await expect(page.getByRole('heading', { level: 1, name: `Microsoft 365 - ${first}` })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Setup Authentication below signs the mailbox in' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Setup Authentication' })).toBeVisible();
  await page.goto(CONNECTIONS);
  await page.getByLabel('Search connections').fill(first);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: new RegExp(`Microsoft 365 - ${first}`) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toHaveText('Microsoft 365');
  await expect(row.getByRole('cell').nth(2)).toHaveText(first);
  await expect(row.getByText('Not authenticated')).toBeVisible();

  // A typed name is kept, through a tenant created in place and a change of service.
  await page.goto(`${CONNECTIONS}/new`);
  await service.selectOption({ label: 'Microsoft Entra ID Exchange' });
  await name.fill('Helpdesk relay');
  await createTenantInPlace(page, unique('E2E Northwind'));
  await service.selectOption({ label: 'Microsoft Entra ID Graph API' });
  await expect(name).toHaveValue('Helpdesk relay');
  await name.fill('');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByText('Enter a name')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  // A refused submission leaves the form as it was.
  await expect(service.locator('option:checked')).toHaveText('Microsoft Entra ID Graph API');
  await expect(tenant.locator('option:checked')).toHaveText(/^E2E Northwind/);
  await page.getByRole('button', { name: 'Use “Service - Tenant” again' }).click();
  await expect(name).toHaveValue(/^Microsoft Entra ID Graph API - E2E Northwind/);
});

test('tenant form: bad GUIDs, an empty name and a duplicate name are refused at their fields, and nothing is saved', async ({
  page,
}) => {
  await signIn(page);
  const existing = unique('E2E Adatum');
  await page.goto(`${TENANTS}/new`);
  await fillTenant(page, { name: existing, directoryId: guid(), clientId: guid(), secret: 'adatum~secret-value-1' });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${TENANTS}$`));
  await expect(page.getByRole('link', { name: existing })).toBeVisible();

  await page.getByRole('link', { name: 'Add Tenant' }).click();
  await fillTenant(page, { name: '', directoryId: 'not a tenant', clientId: '1234-abcd', secret: 'x~secret-value-2' });
  await page.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await page.getByLabel('Graph base URL').fill('https://graph.contoso.test/v1.0');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByText('A Custom cloud needs its authority host')).toBeVisible();
  await expect(page.getByText('Leave out the version (/v1.0): Switchboard adds it')).toBeVisible();
  await expect(page.getByLabel('Cloud').locator('option:checked')).toHaveText('Custom');
  await page.getByLabel('Cloud').selectOption({ label: 'Global' });
  await expect(page.getByLabel('Authority host')).toHaveCount(0);
  await expect(page.getByText('Enter a name')).toBeVisible();
  await expect(
    page.getByText(/Enter a GUID such as .*, or a verified domain such as contoso\.onmicrosoft\.com/),
  ).toBeVisible();
  await expect(page.getByText(/The Application \(client\) ID is a GUID/)).toBeVisible();
  for (const label of ['Name', 'Tenant ID', 'Client ID'])
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true');
  // What was typed is still there (the secret too: it never left the browser).
  await expect(page.getByLabel('Tenant ID')).toHaveValue('not a tenant');
  await expect(page.getByLabel('Client Secret', { exact: true })).toHaveValue('x~secret-value-2');

  await fillTenant(page, {
    name: existing,
    directoryId: 'adatum.onmicrosoft.com',
    clientId: guid(),
    secret: 'x~secret-value-2',
  });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByText('A tenant with this name already exists')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(new RegExp(`${TENANTS}/new$`));

  await page.goto(TENANTS);
  await expect(page.getByRole('link', { name: existing })).toHaveCount(1);
  await expect(page.getByText('not a tenant')).toHaveCount(0);
});

test('a service’s scopes are edited, refused with a space inside, and reset to the default', async ({ page }) => {
  await signIn(page);
  await page.goto(SERVICES);
  await expect(page.getByRole('row', { name: /Microsoft Entra ID \(Client Credentials\)/ })).toContainText(
    'OAuth application (client credentials)',
  );
  await page.getByRole('link', { name: 'Microsoft Entra ID Exchange' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Microsoft Entra ID Exchange' })).toBeVisible();
  await expect(page.getByText('OAuth delegated (authorization code)')).toBeVisible();
  const imap = page.getByRole('region', { name: /IMAP access/ });
  const scope = imap.getByLabel('Scope');
  await expect(scope).toHaveValue('https://outlook.office.com/IMAP.AccessAsUser.All');

  await scope.fill('offline_access https://outlook.office.com/IMAP.AccessAsUser.All');
  await imap.getByRole('button', { name: 'Save scopes' }).click();
  await expect(imap.getByText(/Put each scope on its own line/)).toBeVisible();
  await expect(scope).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(page.getByRole('region', { name: /IMAP access/ }).getByLabel('Scope')).toHaveValue(
    'https://outlook.office.com/IMAP.AccessAsUser.All',
  );

  await page
    .getByRole('region', { name: /IMAP access/ })
    .getByLabel('Scope')
    .fill('offline_access\nhttps://outlook.office.com/IMAP.AccessAsUser.All');
  await page
    .getByRole('region', { name: /IMAP access/ })
    .getByRole('button', { name: 'Save scopes' })
    .click();
  await expect(page.getByRole('region', { name: /IMAP access/ }).getByText('Scopes saved.')).toBeVisible();
  await expect(page.getByRole('region', { name: /IMAP access/ }).getByText('edited')).toBeVisible();
  await page.goto(SERVICES);
  await expect(page.getByRole('row', { name: /Microsoft Entra ID Exchange/ })).toContainText(
    'offline_access https://outlook.office.com/IMAP.AccessAsUser.All',
  );

  await page.getByRole('link', { name: 'Microsoft Entra ID Exchange' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Microsoft Entra ID Exchange' })).toBeVisible();
  const region = page.getByRole('region', { name: /IMAP access/ });
  await region.getByRole('button', { name: 'Reset to default' }).click();
  await expect(region.getByText('Scopes reset to the default.')).toBeVisible();
  await expect(region.getByLabel('Scope')).toHaveValue('https://outlook.office.com/IMAP.AccessAsUser.All');
  await expect(region.getByRole('button', { name: 'Reset to default' })).toBeDisabled();
});

test('a client secret never reaches the browser: not in HTML, RSC payloads or action responses, nor the database file', async ({
  page,
}) => {
  const canaries = [1, 2, 3].map((i) => `SBCANARY${i}~${crypto.randomBytes(12).toString('hex')}`);
  // Every response passes through here whole (documents, RSC/flight fetches, server-action answers), so none is
  // missed because the page moved on before its body was read. Not the build's static files: they were written
  // before these canaries existed, and proxying every chunk too once left one request unanswered on a loaded CI
  // machine (the page never reached "load").
  const texts: string[] = [];
  const urls: string[] = [];
  await page.route(
    (url) => !url.pathname.startsWith('/_next/static/'),
    async (route) => {
      try {
        const response = await route.fetch({ maxRedirects: 0 });
        const body = await response.body();
        urls.push(`${route.request().method()} ${route.request().url()} → ${response.status()}`);
        texts.push(body.toString('utf8'));
        await route.fulfill({ response, body });
      } catch {
        // The browser dropped the request (a prefetch cut short by a navigation): nothing of it reaches the page.
      }
    },
  );

  await signIn(page);
  const name = unique('E2E Secretive');
  await page.goto(`${TENANTS}/new`);
  await fillTenant(page, {
    name,
    directoryId: 'secretive.onmicrosoft.com',
    clientId: guid(),
    secret: canaries[0] ?? '',
  });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  const hint = (canaries[0] ?? '').slice(-4);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(`ends ••••${hint}`);

  // View, then save with the secret left blank (kept), then replace it.
  await page.getByRole('link', { name }).click();
  await expect(page.getByText(new RegExp(`Client secret set on \\d{4}-\\d{2}-\\d{2}, ends ••••${hint}`))).toBeVisible();
  await expect(page.getByLabel('Client Secret', { exact: true })).toHaveValue('');
  await page.getByLabel('Name', { exact: true }).fill(`${name} renamed`);
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await page.getByRole('link', { name: `${name} renamed` }).click();
  await expect(page.getByText(new RegExp(`ends ••••${hint}`))).toBeVisible();
  await page.getByLabel('Client Secret', { exact: true }).fill(canaries[1] ?? '');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await page.getByRole('link', { name: `${name} renamed` }).click();
  await expect(page.getByText(new RegExp(`ends ••••${(canaries[1] ?? '').slice(-4)}`))).toBeVisible();

  // An action that fails validation on the server (duplicate name) with a secret, and one created in place.
  await page.goto(`${TENANTS}/new`);
  await fillTenant(page, {
    name: `${name} renamed`,
    directoryId: 'secretive.onmicrosoft.com',
    clientId: guid(),
    secret: canaries[2] ?? '',
  });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByText('A tenant with this name already exists')).toBeVisible();
  await page.goto(`${CONNECTIONS}/new`);
  await page.getByRole('button', { name: 'New tenant' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tenant' });
  await fillTenant(dialog, {
    name: unique('E2E In place'),
    directoryId: 'inplace.onmicrosoft.com',
    clientId: guid(),
    secret: canaries[2] ?? '',
  });
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(dialog).toBeHidden();
  await page.goto(TENANTS);
  await page.unrouteAll({ behavior: 'wait' });

  expect(urls.filter((u) => u.startsWith('POST ')).length).toBeGreaterThanOrEqual(5);
  expect(texts.join('').length).toBeGreaterThan(10_000);
  // The bodies recorded are the ones that carry tenant data: the hint is there, the secret is not.
  expect(texts.some((text) => text.includes(`••••${hint}`))).toBe(true);
  for (const [i, text] of texts.entries()) {
    for (const canary of canaries) expect(text.includes(canary), `${urls[i]} contains a client secret`).toBe(false);
  }
  expect(await page.content()).not.toContain('SBCANARY');

  const file = path.join(SERVERS.main.dataDir, 'switchboard.db');
  const stored = [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('');
  expect(stored.length).toBeGreaterThan(0);
  for (const canary of canaries)
    expect(stored.includes(canary), 'the database file holds a client secret in plaintext').toBe(false);
});
