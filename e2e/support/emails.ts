import crypto from 'node:crypto';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { ADELE, sandboxInfo } from './sandbox';
import { SANDBOX } from './servers';

// The Emails page as the specs drive it: connections made through Add Service Connection against the sandbox, the
// form filled in each guide's order, Send test email, and the sandbox mailboxes read back.

export const EMAILS = '/settings/global-system-settings/emails';
export const MEGAN = 'megan@contoso.onmicrosoft.com';
export const SUPPORT = 'support@contoso.onmicrosoft.com';
const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(3).toString('hex')}`;
export const recipient = () => `rcpt-${crypto.randomBytes(4).toString('hex')}@example.com`;

export interface Mail {
  from?: { name: string; address: string };
  to: { address: string }[];
  subject: string;
  text?: string;
  internetMessageId: string;
}

export async function mailbox(control: APIRequestContext, address: string): Promise<Mail[]> {
  const response = await control.get(`mailboxes/${encodeURIComponent(address)}/messages`);
  return response.ok() ? ((await response.json()) as Mail[]) : [];
}

/** Add Service Connection with a Custom-cloud tenant pointing at the sandbox; signs in (Adele) unless application. */
export async function addConnection(
  page: Page,
  service: string,
  options: { person?: { username: string; password: string }; capability?: string } = {},
): Promise<string> {
  const person = options.person ?? ADELE;
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
  if (options.capability) await page.getByLabel(options.capability).check();
  if (!service.includes('Client Credentials')) {
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Setup Authentication' }).click();
    const popup = await popupOpened;
    await popup.getByLabel('Email, phone, or Skype').fill(person.username);
    await popup.getByLabel('Password').fill(person.password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    // The consent page appears unless Adele consented to these permissions before (another spec may have).
    await Promise.race([popup.getByRole('button', { name: 'Accept' }).click(), popup.waitForEvent('close')]).catch(
      () => undefined,
    );
    await expect(page.getByTestId('auth-status')).toContainText(`Authenticated as ${person.username}`);
  }
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(/\/integration\/service-connections\/connections$/);
  return `${service} - ${tenant}`;
}

export async function chooseConnection(page: Page, name: string) {
  const select = page.getByLabel('Service Connection');
  const label = await select.locator('option', { hasText: name }).textContent();
  await select.selectOption({ label: label ?? name });
}

/** The sandbox is a Custom cloud: its token goes to a new SMTP host only once confirmed (asked until one is saved). */
export async function confirmTokenHostIfAsked(page: Page) {
  const confirm = page.getByLabel(/^Send the access token of .* to 127\.0\.0\.1$/);
  if (await confirm.isVisible()) await confirm.check();
}

/** The EAP guide's order: SMTP server, Use SSL, SMTP Authentication, Mailbox Email Address, Service Connection. */
export async function fillSmtpOAuth(
  page: Page,
  connection: string,
  fields: { mailbox?: string; sender?: string } = {},
) {
  await page.goto(EMAILS);
  await page.getByLabel('SMTP Server Connection Type').selectOption({ label: 'SMTP' });
  await page.getByLabel('SMTP server', { exact: true }).fill(`127.0.0.1:${SANDBOX.smtpPort}`);
  await page.getByLabel('Use SSL').check();
  await page.getByLabel('SMTP Authentication').selectOption({ label: 'Modern Authentication (OAuth 2.0)' });
  await page.getByLabel('Mailbox Email Address').fill(fields.mailbox ?? ADELE.username);
  await chooseConnection(page, connection);
  await confirmTokenHostIfAsked(page);
  await page.getByLabel('Default Sender').fill(fields.sender ?? ADELE.username);
  await page.getByLabel('Display name').fill('Adele Vance');
}

/** The ESMP 26.1 guide's order: SMTP Server Connection Type = Microsoft Graph, Service Connection, Mailbox Email Address. */
export async function fillGraph(page: Page, connection: string, fields: { mailbox?: string; sender?: string } = {}) {
  await page.goto(EMAILS);
  await page.getByLabel('SMTP Server Connection Type').selectOption({ label: 'Microsoft Graph' });
  await chooseConnection(page, connection);
  if (fields.mailbox) await page.getByLabel('Mailbox Email Address').fill(fields.mailbox);
  await page.getByLabel('Default Sender').fill(fields.sender ?? ADELE.username);
}

export async function sendTest(page: Page): Promise<string> {
  const to = recipient();
  await page.getByLabel('Test recipient').fill(to);
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByRole('region', { name: 'Test email result' })).toBeVisible({ timeout: 30_000 });
  return to;
}
