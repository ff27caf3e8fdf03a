import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { sandboxControl, sandboxInfo } from './support/sandbox';

// Certificate credentials the way an administrator sets them up: Add Tenant with Credential "Certificate",
// Generate certificate on the tenant's page, download the public part, Verify credentials (refused until Azure
// has the certificate: AADSTS700027 explained), upload it in "Azure" (the sandbox's control API), Verify again.

test('a certificate tenant: generated in the console, refused until Azure has it, then accepted by Verify credentials', async ({
  page,
}) => {
  await signIn(page);
  const info = await sandboxInfo();
  const name = `Certificate ${crypto.randomBytes(3).toString('hex')}`;
  await page.goto('/integration/service-connections/tenants/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await page.getByLabel('Authority host').fill(info.authorityHost);
  await page.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await page.getByLabel('Tenant ID').fill(info.tenantDomain);
  await page.getByLabel('Client ID').fill(info.clientId);
  await page.getByLabel('Credential').selectOption({ label: 'Certificate (generated or uploaded next)' });
  await expect(page.getByLabel('Client Secret', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save & Close' }).click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('credential-type')).toHaveText('certificate');
  await page.getByLabel('Validity').selectOption({ label: '1 year' });
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  const summary = page.getByTestId('certificate-summary');
  await expect(summary).toContainText('Thumbprint (SHA-256)');
  const thumbprint = (await summary.locator('dd').first().textContent())?.trim() ?? '';
  expect(thumbprint).toMatch(/^[0-9a-f]{64}$/i);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download .pem' }).click();
  const pem = fs.readFileSync((await (await downloading).path()) ?? '', 'utf8');
  expect(pem).toContain('-----BEGIN CERTIFICATE-----');
  expect(pem).not.toContain('PRIVATE KEY');
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  expect(crypto.createHash('sha256').update(der).digest('hex')).toBe(thumbprint.toLowerCase());

  // Not uploaded in Azure yet: Microsoft does not know the key.
  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('AADSTS700027');
  await expect(page.getByTestId('verify-result')).toContainText('Certificates');

  const control = await sandboxControl();
  expect((await control.post(`apps/${info.clientId}/certificates`, { data: { pem } })).ok()).toBe(true);
  await control.dispose();
  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByTestId('verify-result')).toContainText(
    'Microsoft accepted the Tenant ID, Client ID and certificate',
  );
  // The private key never reaches the browser.
  expect(await page.content()).not.toContain('PRIVATE KEY');
});
