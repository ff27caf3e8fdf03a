import crypto from 'node:crypto';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { SANDBOX } from './support/servers';

// The Outbox page: states with counts, the Failed / Unsent / Sent filters, a message's attempts with the server's
// answer and its explanation, Resend and Delete. The message comes from Send test email with settings that are not
// saved (the sandbox's SMTP without signing in), so this spec changes no global setting.

test('a refused message: listed as Failed, its attempts and the server’s answer, Resend, Delete', async ({ page }) => {
  await signIn(page);
  const sender = `outbox-${crypto.randomBytes(4).toString('hex')}@contoso.onmicrosoft.com`;
  await page.goto('/settings/global-system-settings/emails');
  await page.getByLabel('SMTP Server Connection Type').selectOption({ label: 'SMTP' });
  await page.getByLabel('SMTP server', { exact: true }).fill(`127.0.0.1:${SANDBOX.smtpPort}`);
  await page
    .getByLabel('SMTP Authentication')
    .selectOption({ label: 'None (the server accepts mail without signing in)' });
  await page.getByLabel('Default Sender').fill(sender);
  await page.getByLabel('Test recipient').fill('someone@example.com');
  await page.getByRole('button', { name: 'Send test email' }).click();
  const result = page.getByRole('region', { name: 'Test email result' });
  await expect(result).toContainText('530 5.7.57');
  await expect(result).toContainText('The server wants the sender to sign in');

  await page.goto('/outbox');
  await expect(page.getByTestId('count-failed')).not.toHaveText('0');
  await page.getByRole('navigation', { name: 'Filter' }).getByRole('link', { name: 'Failed', exact: true }).click();
  await expect(page).toHaveURL(/filter=failed/);
  const row = page.getByRole('row').filter({ hasText: sender });
  await expect(row).toContainText('Failed');
  await expect(row).toContainText('530 5.7.57');
  await page.getByRole('navigation', { name: 'Filter' }).getByRole('link', { name: 'Sent', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: sender })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Filter' }).getByRole('link', { name: 'Failed', exact: true }).click();
  await page.getByRole('row').filter({ hasText: sender }).getByRole('link', { name: 'Switchboard test email' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Switchboard test email' })).toBeVisible();
  const attempts = page.getByRole('table');
  await expect(attempts).toContainText('MAIL FROM: 530 5.7.57');
  await expect(page.getByRole('region', { name: 'What this means' })).toContainText(
    'The server wants the sender to sign in',
  );

  // A test is a test (issue 10 §3): tried once, never again, not even by Resend.
  await page.getByRole('button', { name: 'Resend' }).click();
  await expect(
    page.getByText('A test email is not sent again from the Outbox: use Send test email on the Emails page.'),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('table').getByText('Failed', { exact: true })).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/outbox$/);
  await expect(page.getByRole('row').filter({ hasText: sender })).toHaveCount(0);
});

test('multi-select: Resend and Delete several failed messages at once (tests are refused by Resend), with one confirmation', async ({
  page,
}) => {
  await signIn(page);
  const sender = `bulk-${crypto.randomBytes(4).toString('hex')}@contoso.onmicrosoft.com`;
  // Three failed test emails: the Emails form as typed (not saved), to the sandbox's SMTP without signing in.
  for (let i = 0; i < 3; i += 1) {
    await page.goto('/settings/global-system-settings/emails');
    await page.getByLabel('SMTP Server Connection Type').selectOption({ label: 'SMTP' });
    await page.getByLabel('SMTP server', { exact: true }).fill(`127.0.0.1:${SANDBOX.smtpPort}`);
    await page
      .getByLabel('SMTP Authentication')
      .selectOption({ label: 'None (the server accepts mail without signing in)' });
    await page.getByLabel('Default Sender').fill(sender);
    await page.getByLabel('Test recipient').fill('someone@example.com');
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByRole('region', { name: 'Test email result' })).toContainText('530 5.7.57');
  }

  await page.goto('/outbox?filter=failed');
  const rows = page.getByRole('row').filter({ hasText: sender });
  await expect(rows).toHaveCount(3);
  // The answer wraps inside its cell instead of running off the page.
  await expect(rows.first().getByTestId('last-answer')).toHaveCSS('overflow-wrap', 'anywhere');
  await expect(rows.first()).toContainText(/\d+ bytes/);

  // Nothing ticked: said so, nothing happens.
  await page.getByRole('button', { name: 'Resend selected' }).click();
  await expect(page.getByText('Select messages first: tick them in the list.')).toBeVisible();

  // Test emails are tried once and never again (a test is a test): Resend says so for each, and they stay Failed.
  for (const row of await rows.all()) await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Resend selected' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: '0 messages resent. 3 refused: A test email is not sent again from the Outbox' }),
  ).toBeVisible();
  await page.reload();
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row.getByRole('cell').nth(6)).toHaveText('1');

  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  await expect(page.getByRole('group', { name: 'Confirm delete' })).toContainText(
    'Delete the 3 selected messages with their attempts?',
  );
  await page.getByRole('button', { name: 'Delete 3 messages' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 messages deleted.' })).toBeVisible();
  await expect(rows).toHaveCount(0);
});
