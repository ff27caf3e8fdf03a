import crypto from 'node:crypto';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { sandboxControl, sandboxInfo } from './support/sandbox';
import { urlOf } from './support/servers';

// Rotate credential the way an administrator does it on a tenant's page: a second client secret is created in
// "Azure" (the sandbox app holds several at once), added as the new credential, verified, switched to; the reminder
// then names the old secret to delete. The new secret's value never comes back to the browser.

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('rotates a tenant to a new client secret: add, verify, switch, reminder to delete the old one', async ({
  page,
}) => {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(urlOf('main'))) bodies.push(response.text().catch(() => ''));
  });
  await signIn(page);
  const info = await sandboxInfo();
  const name = `Rotate ${crypto.randomBytes(3).toString('hex')}`;
  await page.goto('/integration/service-connections/tenants/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await page.getByLabel('Authority host').fill(info.authorityHost);
  await page.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await page.getByLabel('Tenant ID').fill(info.tenantDomain);
  await page.getByLabel('Client ID').fill(info.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill(info.clientSecret);
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Rotate credential' })).toBeVisible();

  // Azure → Certificates & secrets → New client secret.
  const control = await sandboxControl();
  const created = await control.post(`apps/${info.clientId}/secrets`, { data: {} });
  const { value } = (await created.json()) as { value: string };

  await page.getByLabel('New client secret').fill(value);
  await page.getByLabel('New secret expires on').fill(inDays(3 * 365));
  await page.getByRole('button', { name: 'Add new client secret' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /caps a new client secret at two years/ })).toBeVisible();
  await expect(page.getByLabel('New client secret')).toHaveValue('');

  await page.getByLabel('New client secret').fill(value);
  await page.getByLabel('New secret expires on').fill(inDays(180));
  await page.getByRole('button', { name: 'Add new client secret' }).click();
  const pending = page.getByTestId('pending-credential');
  await expect(pending).toContainText(`ends ••••${value.slice(-4)}`);
  await expect(pending).toContainText('Not verified yet');
  await expect(page.getByRole('button', { name: 'Switch to new credential' })).toBeDisabled();

  await page.getByRole('button', { name: 'Verify new credential' }).click();
  await expect(pending).toContainText('Microsoft accepted the Tenant ID, Client ID and Client Secret');
  await expect(pending).toContainText('Verified on');
  await page.getByRole('button', { name: 'Switch to new credential' }).click();

  const reminder = page.getByTestId('rotation-reminder');
  await expect(reminder).toContainText(
    `Delete the old client secret (Value starting “${info.clientSecret.slice(0, 3)}”`,
  );
  await expect(reminder).toContainText(`Application (client) ID ${info.clientId}`);
  await expect(reminder).toContainText('Certificates & secrets → Client secrets');
  await expect(page.getByTestId('pending-credential')).toHaveCount(0);
  await expect(page.getByText(`ends ••••${value.slice(-4)}`).first()).toBeVisible();

  // The tenant now signs in with the new secret: Verify credentials on its form uses the stored one.
  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('Microsoft accepted');

  await reminder.getByRole('button', { name: 'Dismiss reminder' }).click();
  await expect(page.getByTestId('rotation-reminder')).toHaveCount(0);

  const received = await Promise.all(bodies);
  expect(received.length).toBeGreaterThan(5);
  for (const body of received) expect(body).not.toContain(value);
  expect(await page.content()).not.toContain(value);

  // Tidy the shared sandbox: the secret this test created goes again.
  await control.delete(`apps/${info.clientId}/secrets`, { data: { value } });
  await control.dispose();
});
