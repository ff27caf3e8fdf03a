import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { relayGreets, turnRelayingOn } from './support/relay';
import { SERVERS } from './support/servers';

// Settings → SMTP relay as an administrator uses it: turn relaying on, add a scanner whose password is shown once
// and copied, then the scanner sends through the relay (STARTTLS, its login) and the message is in the Outbox with
// the scanner as its source.

test('a scanner created in Settings → SMTP relay sends through the relay', async ({ page, context }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'SMTP relay' }).click();
  await expect(page).toHaveURL(/\/settings\/smtp-relay$/);
  await expect(page.getByRole('heading', { level: 1, name: 'SMTP relay' })).toBeVisible();
  await turnRelayingOn(page);

  const suffix = crypto.randomBytes(4).toString('hex');
  const name = `Scanner ${suffix}`;
  const form = page.getByRole('region', { name: 'Add relay client' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Username').fill(`scanner-${suffix}`);
  // A mistake first: every field is kept with the error shown at its field.
  await form.getByLabel('Allowed senders').fill('not-an-address');
  await form.getByRole('button', { name: 'Add relay client' }).click();
  await expect(form.getByText('“not-an-address” is neither an address nor @domain')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(form.getByLabel('Username')).toHaveValue(`scanner-${suffix}`);
  await form.getByLabel('Allowed senders').fill('@contoso.test');
  await form.getByRole('button', { name: 'Add relay client' }).click();
  await expect(page.getByText(`Relay client “${name}” created. Copy its password now`)).toBeVisible();

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const shown = page.getByLabel(`Password for scanner-${suffix}`);
  const password = await shown.inputValue();
  expect(password.length).toBeGreaterThanOrEqual(20);
  await form.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  // Shown once: not on the page after a reload, nor anywhere in it.
  await page.reload();
  await expect(page.getByLabel(`Password for scanner-${suffix}`)).toHaveCount(0);
  expect(await page.content()).not.toContain(password);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`scanner-${suffix}`);
  await expect(row).toContainText('0 accepted');

  // Every instance follows the switch within seconds.
  await expect.poll(relayGreets, { timeout: 15_000 }).toBe(true);
  const scanner = nodemailer.createTransport({
    host: '127.0.0.1',
    port: SERVERS.main.relayPort,
    requireTLS: true,
    tls: { rejectUnauthorized: false },
    auth: { user: `scanner-${suffix}`, pass: password },
  });
  const info = await scanner.sendMail({
    from: 'scanner@contoso.test',
    to: 'ann@example.test',
    subject: `Scan ${suffix}`,
    text: 'Scanned document attached.',
    attachments: [{ filename: 'scan.pdf', content: Buffer.from('%PDF-1.7\n%%EOF\n'), contentType: 'application/pdf' }],
  });
  expect(info.response).toMatch(/^250 .*Queued as/);

  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('1 accepted');
  await page.goto('/outbox?source=relay');
  await expect(
    page.getByRole('navigation', { name: 'Source' }).getByRole('link', { name: 'SMTP relay' }),
  ).toHaveAttribute('aria-current', 'page');
  const message = page.getByRole('row').filter({ hasText: `Scan ${suffix}` });
  await expect(message).toContainText(`relay: ${name}`);
  await expect(message).toContainText('ann@example.test');

  // Edit: a wrong value is answered at its field with every other field kept; disabled, the scanner is refused.
  await page.goto('/settings/smtp-relay');
  await page.getByRole('link', { name, exact: true }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.getByLabel('Rate limit (messages per minute)').fill('lots');
  await settings.getByLabel('Enabled').uncheck();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Enter a number')).toBeVisible();
  await expect(settings.getByLabel('Allowed senders')).toHaveValue('@contoso.test');
  await expect(settings.getByLabel('Enabled')).not.toBeChecked();
  await settings.getByLabel('Rate limit (messages per minute)').fill('10');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Relay client “${name}” saved.`)).toBeVisible();
  await expect(
    scanner.sendMail({ from: 'scanner@contoso.test', to: 'ann@example.test', subject: 'Disabled', text: 'x' }),
  ).rejects.toMatchObject({ responseCode: 535 });
});
