import crypto from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { signIn } from './support/console';
import { ADELE, sandboxControl, sandboxInfo } from './support/sandbox';
import { SANDBOX } from './support/servers';

// Issue 6's acceptance in Chromium against the sandbox, following the Matrix42 guide: Setup Authentication on a
// connection, Settings → Global System Settings → Emails, Send test email, and the message read back from the
// sandbox mailbox; through Exchange SMTP (OAuth), Microsoft Graph (delegated and application), each common refusal
// with its explanation, then Done and the sending API. Serial: the Email settings are one global record.

test.describe.configure({ mode: 'serial' });

const EMAILS = '/settings/global-system-settings/emails';
const MEGAN = 'megan@contoso.onmicrosoft.com';
const SUPPORT = 'support@contoso.onmicrosoft.com';
const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(3).toString('hex')}`;
const recipient = () => `rcpt-${crypto.randomBytes(4).toString('hex')}@example.com`;

interface Mail {
  from?: { name: string; address: string };
  to: { address: string }[];
  subject: string;
  text?: string;
  internetMessageId: string;
}

async function mailbox(control: APIRequestContext, address: string): Promise<Mail[]> {
  const response = await control.get(`mailboxes/${encodeURIComponent(address)}/messages`);
  return response.ok() ? ((await response.json()) as Mail[]) : [];
}

/** Add Service Connection with a Custom-cloud tenant pointing at the sandbox; signs in as Adele unless application. */
async function addConnection(page: Page, service: string): Promise<string> {
  const info = await sandboxInfo();
  const tenant = unique('Mail Contoso');
  await page.goto('/integration/service-connections/connections/new');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: service });
  await page.getByRole('button', { name: 'New tenant' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tenant' });
  await dialog.getByLabel('Name', { exact: true }).fill(tenant);
  await dialog.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Authority host').fill(info.authorityHost);
  await dialog.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await dialog.getByLabel('Tenant ID').fill(info.tenantId);
  await dialog.getByLabel('Client ID').fill(info.clientId);
  await dialog.getByLabel('Client Secret', { exact: true }).fill(info.clientSecret);
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(dialog).toBeHidden();
  if (!service.includes('Client Credentials')) {
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Setup Authentication' }).click();
    const popup = await popupOpened;
    await popup.getByLabel('Email, phone, or Skype').fill(ADELE.username);
    await popup.getByLabel('Password').fill(ADELE.password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    // The consent page appears unless Adele consented to these permissions before (another spec may have).
    await Promise.race([popup.getByRole('button', { name: 'Accept' }).click(), popup.waitForEvent('close')]).catch(() => undefined);
    await expect(page.getByTestId('auth-status')).toContainText(`Authenticated as ${ADELE.username}`);
  }
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(/\/integration\/service-connections\/connections$/);
  return `${service} - ${tenant}`;
}

async function chooseConnection(page: Page, name: string) {
  const select = page.getByLabel('Service Connection');
  const label = await select.locator('option', { hasText: name }).textContent();
  await select.selectOption({ label: label ?? name });
}

async function fillSmtpOAuth(page: Page, connection: string, fields: { mailbox?: string; sender?: string } = {}) {
  await page.goto(EMAILS);
  await page.getByLabel('SMTP Server Connection Type').selectOption({ label: 'SMTP' });
  await page.getByLabel('SMTP server', { exact: true }).fill(`127.0.0.1:${SANDBOX.smtpPort}`);
  await page.getByLabel('Use SSL').uncheck();
  await page.getByLabel('SMTP Authentication').selectOption({ label: 'Modern Authentication (OAuth 2.0)' });
  await chooseConnection(page, connection);
  await page.getByLabel('Mailbox Email Address').fill(fields.mailbox ?? ADELE.username);
  await page.getByLabel('Default Sender').fill(fields.sender ?? ADELE.username);
  await page.getByLabel('Display name').fill('Adele Vance');
}

async function fillGraph(page: Page, connection: string, fields: { mailbox?: string; sender?: string } = {}) {
  await page.goto(EMAILS);
  await page.getByLabel('SMTP Server Connection Type').selectOption({ label: 'Microsoft Graph' });
  await chooseConnection(page, connection);
  if (fields.mailbox) await page.getByLabel('Mailbox Email Address').fill(fields.mailbox);
  await page.getByLabel('Default Sender').fill(fields.sender ?? ADELE.username);
}

async function sendTest(page: Page): Promise<string> {
  const to = recipient();
  await page.getByLabel('Test recipient').fill(to);
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByRole('region', { name: 'Test email result' })).toBeVisible({ timeout: 30_000 });
  return to;
}

let control: APIRequestContext;
let exchange = '';
let graph = '';
let application = '';

test.beforeAll(async () => {
  control = await sandboxControl();
});
test.afterAll(async () => {
  await control?.dispose();
});

test('Exchange SMTP with Modern Authentication: Send test email delivers with the right From, To, Subject and body', async ({ page }) => {
  await signIn(page);
  exchange = await addConnection(page, 'Microsoft Entra ID Exchange');
  await fillSmtpOAuth(page, exchange);
  const to = await sendTest(page);
  const result = page.getByRole('region', { name: 'Test email result' });
  await expect(result).toContainText(`Test email sent to ${to}.`);
  await expect(result).toContainText('250 2.0.0 OK');
  const [message] = await mailbox(control, to);
  expect(message?.from).toEqual({ name: 'Adele Vance', address: ADELE.username });
  expect(message?.to.map((a) => a.address)).toEqual([to]);
  expect(message?.subject).toBe('Switchboard test email');
  expect(message?.text).toContain('through SMTP (127.0.0.1');
  expect(message?.text).toContain('Modern Authentication (OAuth 2.0)');
});

test('Microsoft Graph, delegated (POST /me/sendMail) and application (POST /users/{mailbox}/sendMail)', async ({ page }) => {
  await signIn(page);
  graph = await addConnection(page, 'Microsoft Entra ID Graph API');
  await fillGraph(page, graph);
  await expect(page.getByText(`Sends as the signed-in mailbox ${ADELE.username} (POST /me/sendMail).`)).toBeVisible();
  await expect(page.getByLabel('SMTP server', { exact: true })).toHaveCount(0);
  const to = await sendTest(page);
  await expect(page.getByRole('region', { name: 'Test email result' })).toContainText(`Test email sent to ${to}.`);
  expect((await mailbox(control, to))[0]).toMatchObject({ from: { address: ADELE.username }, subject: 'Switchboard test email' });

  application = await addConnection(page, 'Microsoft Entra ID (Client Credentials)');
  await fillGraph(page, application, { mailbox: SUPPORT, sender: SUPPORT });
  const toApp = await sendTest(page);
  await expect(page.getByRole('region', { name: 'Test email result' })).toContainText(`Test email sent to ${toApp}.`);
  expect((await mailbox(control, toApp))[0]).toMatchObject({ from: { address: SUPPORT }, subject: 'Switchboard test email' });
});

test('each common refusal shows the server’s answer and what to do', async ({ page }) => {
  await signIn(page);
  const result = page.getByRole('region', { name: 'Test email result' });

  await control.post(`mailboxes/${ADELE.username}/smtp-auth`, { data: { enabled: false } });
  try {
    await fillSmtpOAuth(page, exchange);
    await sendTest(page);
    await expect(result).toContainText('535 5.7.139');
    await expect(result).toContainText('SMTP AUTH is turned off for the mailbox or the tenant');
    await expect(result).toContainText('Set-CASMailbox');
  } finally {
    await control.post(`mailboxes/${ADELE.username}/smtp-auth`, { data: { enabled: true } });
  }

  await fillSmtpOAuth(page, exchange, { mailbox: MEGAN, sender: MEGAN });
  await sendTest(page);
  await expect(result).toContainText('535 5.7.3');
  await expect(result).toContainText('Exchange rejected the token');

  await fillSmtpOAuth(page, exchange, { sender: MEGAN });
  await sendTest(page);
  await expect(result).toContainText('550 5.7.60');
  await expect(result).toContainText('No right to send as this sender');

  await fillGraph(page, graph, { sender: MEGAN });
  await sendTest(page);
  await expect(result).toContainText('ErrorSendAsDenied');
  await expect(result).toContainText('No right to send as this sender');

  await fillGraph(page, application, { mailbox: 'patti@contoso.onmicrosoft.com', sender: 'patti@contoso.onmicrosoft.com' });
  await sendTest(page);
  await expect(result).toContainText('ErrorAccessDenied');
  await expect(result).toContainText('application access policy');

  // Only sendMail is throttled: other specs use the same sandbox at the same time.
  await control.post('throttle', { data: { service: 'graph', count: 1, retryAfterSeconds: 2, pathContains: '/sendMail' } });
  await fillGraph(page, graph);
  const to = await sendTest(page);
  await expect(result).toContainText('429 ApplicationThrottled');
  await expect(result).toContainText('Microsoft is throttling this mailbox');
  // The worker of the console tries again once Retry-After has passed, and the message arrives.
  await result.getByRole('link', { name: 'See it in the Outbox' }).click();
  await expect(page).toHaveURL(/\/outbox\/[a-z0-9]+$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Sent', { exact: true }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('table')).toContainText('429 ApplicationThrottled');
  expect(await mailbox(control, to)).toHaveLength(1);
});

test('Done saves the settings (audit-logged); the API then sends with an API key', async ({ page, request }) => {
  await signIn(page);
  await fillGraph(page, graph);
  await page.getByLabel('Enabled').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Email settings saved. Email sending is on.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('SMTP Server Connection Type')).toHaveValue('graph');
  await expect(page.getByLabel('Enabled')).toBeChecked();
  await page.goto('/audit-log?q=email.settings');
  await expect(page.getByRole('table')).toContainText('Email settings saved');

  await page.goto('/settings/api-keys');
  const name = unique('Monitoring');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const key = await page.getByLabel('New API key').inputValue();
  expect(key).toMatch(/^sbk_/);

  const to = recipient();
  const refused = await request.post('/api/v1/messages', { data: { to, subject: 'x', text: 'x' } });
  expect(refused.status()).toBe(401);
  const response = await request.post('/api/v1/messages', { headers: { authorization: `Bearer ${key}` }, data: { to, subject: 'Through the API', text: 'Hello from a program' } });
  expect(response.status()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await expect(async () => {
    const state = await request.get(`/api/v1/messages/${id}`, { headers: { authorization: `Bearer ${key}` } });
    expect(((await state.json()) as { state: string }).state).toBe('sent');
  }).toPass({ timeout: 20_000 });
  expect((await mailbox(control, to))[0]).toMatchObject({ subject: 'Through the API', from: { address: ADELE.username } });

  await page.goto(`/outbox/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Through the API' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('202 Accepted by Microsoft Graph');
});
