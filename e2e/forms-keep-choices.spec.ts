import crypto from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { ADELE, type SandboxInfo, sandboxInfo } from './support/sandbox';
import { SANDBOX } from './support/servers';

// Issue 10 §2: every console form shows, after any of its actions, exactly what the administrator chose, and saving
// stores exactly that. Each test changes every kind of field the form has (text, select, checkbox, number, date,
// secret), triggers the form's secondary action, checks every field, then saves and reads the stored values back.

const TENANTS = '/integration/service-connections/tenants';
const CONNECTIONS = '/integration/service-connections/connections';
const SERVICES = '/integration/service-connections/services';
const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(3).toString('hex')}`;

const selected = (select: Locator) => select.locator('option:checked');

async function createSandboxTenant(page: Page, info: SandboxInfo, name: string) {
  await page.goto(`${TENANTS}/new`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await page.getByLabel('Authority host').fill(info.authorityHost);
  await page.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await page.getByLabel('Tenant ID').fill(info.tenantId);
  await page.getByLabel('Client ID').fill(info.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill(info.clientSecret);
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${TENANTS}$`));
}

test('tenant form: Verify credentials (failing, then passing) leaves every field as chosen; Save & Close stores it', async ({
  page,
}) => {
  const info = await sandboxInfo();
  await signIn(page);
  const name = unique('Kept tenant');
  await page.goto(`${TENANTS}/new`);
  const fields = {
    name: page.getByLabel('Name', { exact: true }),
    cloud: page.getByLabel('Cloud'),
    authority: page.getByLabel('Authority host'),
    graph: page.getByLabel('Graph base URL'),
    directory: page.getByLabel('Tenant ID'),
    client: page.getByLabel('Client ID'),
    secret: page.getByLabel('Client Secret', { exact: true }),
    expires: page.getByLabel('Client secret expires on'),
  };
  await fields.name.fill(name);
  await fields.cloud.selectOption({ label: 'Custom' });
  await fields.authority.fill(info.authorityHost);
  await fields.graph.fill(info.graphBaseUrl);
  await fields.directory.fill(info.tenantDomain);
  await fields.client.fill(info.clientId);
  await fields.secret.fill('wrong~secret-value-for-verify');
  await fields.expires.fill('2031-05-17');

  const expectAllKept = async (secret: string) => {
    await expect(fields.name).toHaveValue(name);
    await expect(selected(fields.cloud)).toHaveText('Custom');
    await expect(fields.authority).toHaveValue(info.authorityHost);
    await expect(fields.graph).toHaveValue(info.graphBaseUrl);
    await expect(fields.directory).toHaveValue(info.tenantDomain);
    await expect(fields.client).toHaveValue(info.clientId);
    await expect(fields.secret).toHaveValue(secret);
    await expect(fields.expires).toHaveValue('2031-05-17');
  };

  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('AADSTS7000215');
  await expectAllKept('wrong~secret-value-for-verify');

  await fields.secret.fill(info.clientSecret);
  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('role', 'status');
  await expectAllKept(info.clientSecret);

  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${TENANTS}$`));
  await page.getByRole('link', { name, exact: true }).click();
  await expect(fields.name).toHaveValue(name);
  await expect(selected(fields.cloud)).toHaveText('Custom');
  await expect(fields.authority).toHaveValue(info.authorityHost);
  await expect(fields.graph).toHaveValue(info.graphBaseUrl);
  await expect(fields.directory).toHaveValue(info.tenantDomain);
  await expect(fields.client).toHaveValue(info.clientId);
  await expect(fields.secret).toHaveValue('');
  await expect(page.getByText(new RegExp(`ends ••••${info.clientSecret.slice(-4)}`))).toBeVisible();
  await expect(fields.expires).toHaveValue('2031-05-17');
});

test('connection form: Setup Authentication keeps Service, Tenant and a typed Name; Save & Close stores them; a client-credentials connection says what is true', async ({
  page,
}) => {
  const info = await sandboxInfo();
  await signIn(page);
  const tenant = unique('Kept connection tenant');
  await createSandboxTenant(page, info, tenant);
  const name = unique('Kept Graph mailbox');

  await page.goto(`${CONNECTIONS}/new`);
  const service = page.getByLabel('Service', { exact: true });
  const tenantSelect = page.getByLabel('Tenant', { exact: true });
  const nameField = page.getByLabel('Name', { exact: true });
  await service.selectOption({ label: 'Microsoft 365' });
  await tenantSelect.selectOption({ label: tenant });
  await service.selectOption({ label: 'Microsoft Entra ID Graph API' });
  await nameField.fill(name);

  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Setup Authentication' }).click();
  const popup = await popupOpened;
  await popup.getByLabel('Email, phone, or Skype').fill(ADELE.username);
  await popup.getByLabel('Password').fill(ADELE.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  const accept = popup.getByRole('button', { name: 'Accept' });
  const never = () => new Promise<never>(() => undefined);
  const next = await Promise.race([
    accept.waitFor().then(() => 'consent' as const, never),
    popup
      .waitForURL((url) => !url.href.startsWith(SANDBOX.authorityHost), { waitUntil: 'commit' })
      .then(() => 'back' as const, never),
    (popup.isClosed() ? Promise.resolve() : popup.waitForEvent('close')).then(() => 'closed' as const, never),
  ]);
  if (next === 'consent') await accept.click();
  await expect(page.getByTestId('auth-status')).toContainText(`Authenticated as ${ADELE.username}`);

  await expect(selected(service)).toHaveText('Microsoft Entra ID Graph API');
  await expect(selected(tenantSelect)).toHaveText(tenant);
  await expect(nameField).toHaveValue(name);

  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${CONNECTIONS}$`));
  await page.getByLabel('Search connections').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(`Authenticated as ${ADELE.username}`);
  await row.getByRole('link', { name }).click();
  await expect(selected(service)).toHaveText('Microsoft Entra ID Graph API');
  await expect(selected(tenantSelect)).toHaveText(tenant);
  await expect(nameField).toHaveValue(name);

  // Client credentials: nobody signs in, so the list says whether a token was verified, not "Not authenticated".
  await page.goto(`${CONNECTIONS}/new`);
  await service.selectOption({ label: 'Microsoft Entra ID (Client Credentials)' });
  await tenantSelect.selectOption({ label: tenant });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${CONNECTIONS}$`));
  const appName = `Microsoft Entra ID (Client Credentials) - ${tenant}`;
  await page.getByLabel('Search connections').fill(tenant);
  await page.getByRole('button', { name: 'Search' }).click();
  const appRow = page.getByRole('row', { name: new RegExp(appName.replace(/[()]/g, '\\$&')) });
  await expect(appRow).toContainText('Not verified yet');
  await expect(appRow).not.toContainText('Not authenticated');
  await appRow.getByRole('link', { name: appName }).click();
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByText(/Application token acquired/)).toBeVisible();
  await page.goto(`${CONNECTIONS}?q=${encodeURIComponent(tenant)}`);
  await expect(appRow).toContainText(/Application · token verified \d{2}:\d{2} UTC/);
});

test('robot mailbox form: Generate secret and a refused save keep every field; Save & Close stores exactly that', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const info = await sandboxInfo();
  await signIn(page);
  const tenant = unique('Kept robot tenant');
  await createSandboxTenant(page, info, tenant);
  await page.goto(`${CONNECTIONS}/new`);
  await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Microsoft Entra ID (Client Credentials)' });
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label: tenant });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${CONNECTIONS}$`));
  const connection = `Microsoft Entra ID (Client Credentials) - ${tenant}`;

  const name = unique('Kept robot');
  await page.goto('/email-robot/new');
  const f = {
    name: page.getByLabel('Name', { exact: true }),
    connection: page.getByLabel('Service Connection'),
    mailbox: page.getByLabel('Mailbox Email Address'),
    folder: page.getByLabel('Folder', { exact: true }),
    interval: page.getByLabel('Poll interval (seconds)'),
    after: page.getByLabel('After processing'),
    webhook: page.getByLabel('Webhook URL'),
    secret: page.getByLabel('Webhook secret'),
    enabled: page.getByLabel('Enabled'),
  };
  await f.name.fill(name);
  await f.connection.selectOption({ label: `${connection} (application)` });
  await f.mailbox.fill('support@contoso.onmicrosoft.com');
  await f.folder.fill('Inbox/Orders');
  await f.interval.fill('5');
  await f.after.selectOption({ label: 'Move to folder' });
  const moveTo = page.getByLabel('Move to folder');
  await moveTo.fill('Processed');
  await f.webhook.fill('https://hooks.example.com/mail');
  await f.enabled.uncheck();

  await page.getByRole('button', { name: 'Generate secret' }).click();
  const secret = await f.secret.inputValue();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  // Shown once, with Copy, as API keys are.
  await expect(page.getByTestId('generated-webhook-secret')).toHaveText(secret);
  await page.getByRole('button', { name: 'Copy secret' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const expectAllKept = async (interval: string) => {
    await expect(f.name).toHaveValue(name);
    await expect(selected(f.connection)).toHaveText(`${connection} (application)`);
    await expect(f.mailbox).toHaveValue('support@contoso.onmicrosoft.com');
    await expect(f.folder).toHaveValue('Inbox/Orders');
    await expect(f.interval).toHaveValue(interval);
    await expect(selected(f.after)).toHaveText('Move to folder');
    await expect(moveTo).toHaveValue('Processed');
    await expect(f.webhook).toHaveValue('https://hooks.example.com/mail');
    await expect(f.secret).toHaveValue(secret);
    await expect(f.enabled).not.toBeChecked();
  };
  await expectAllKept('5');

  // Too short an interval: refused at its field, and nothing else moves.
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(f.interval).toHaveAttribute('aria-invalid', 'true');
  await expectAllKept('5');

  await f.interval.fill('45');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'State' })).toHaveCount(0);
  await expect(page.getByText('State', { exact: true })).toHaveCount(1);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(f.name).toHaveValue(name);
  await expect(selected(f.connection)).toHaveText(`${connection} (application)`);
  await expect(f.mailbox).toHaveValue('support@contoso.onmicrosoft.com');
  await expect(f.folder).toHaveValue('Inbox/Orders');
  await expect(f.interval).toHaveValue('45');
  await expect(selected(f.after)).toHaveText('Move to folder');
  await expect(moveTo).toHaveValue('Processed');
  await expect(f.webhook).toHaveValue('https://hooks.example.com/mail');
  await expect(f.secret).toHaveValue('');
  await expect(page.getByText(new RegExp(`Stored secret .*${secret.slice(-4)}`))).toBeVisible();
  await expect(f.enabled).not.toBeChecked();
});

test('service form: a refused Save & Close keeps name, authentication type, description and scopes; the saved service has them', async ({
  page,
}) => {
  await signIn(page);
  const name = unique('Kept service');
  await page.goto(`${SERVICES}/new`);
  const f = {
    name: page.getByLabel('Name', { exact: true }),
    authType: page.getByLabel('Authentication type'),
    description: page.getByRole('textbox', { name: 'Description' }),
    scopes: page.getByLabel('Scope'),
  };
  await f.name.fill(name);
  await f.authType.selectOption({ label: 'OAuth application (client credentials)' });
  await f.description.fill('Reads the orders mailbox');
  // A delegated scope on an application service: refused at the Scope field.
  await f.scopes.fill('https://graph.microsoft.com/Mail.Read');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(f.scopes).toHaveAttribute('aria-invalid', 'true');
  await expect(f.name).toHaveValue(name);
  await expect(selected(f.authType)).toHaveText('OAuth application (client credentials)');
  await expect(f.description).toHaveValue('Reads the orders mailbox');
  await expect(f.scopes).toHaveValue('https://graph.microsoft.com/Mail.Read');

  await f.scopes.fill('https://graph.microsoft.com/.default');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Reads the orders mailbox').first()).toBeVisible();
  await expect(page.getByText('OAuth application (client credentials)')).toBeVisible();
  await expect(page.getByLabel('Scope')).toHaveValue('https://graph.microsoft.com/.default');

  // The edit form: a refused rename keeps the typed description; Save stores both.
  await page.getByLabel('Name', { exact: true }).fill('');
  await page.getByRole('textbox', { name: 'Description' }).fill('Reads and files the orders mailbox');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Reads and files the orders mailbox');
  await page.getByLabel('Name', { exact: true }).fill(`${name} renamed`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // Leaving before the answer would abort the save: wait for it.
  await expect(page.getByText('Service saved.')).toBeVisible();
  await page.goto(SERVICES);
  await page.getByRole('link', { name: `${name} renamed`, exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`${name} renamed`);
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Reads and files the orders mailbox');
});
