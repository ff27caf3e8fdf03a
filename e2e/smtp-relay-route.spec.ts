import crypto from 'node:crypto';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { addConnection, MEGAN } from './support/emails';

// Settings → SMTP relay → a client's own Connection and Mailbox Email Address: the signed-in mailbox of a delegated
// connection is the hint, a mailbox the connection cannot send as is refused at its field (every field kept), and
// the saved client shows its connection when opened again.

test('a relay client sends through a connection of its own, as a mailbox it may send as', async ({ page }) => {
  await signIn(page);
  const connection = await addConnection(page, 'Microsoft Entra ID Graph API', {
    person: { username: MEGAN, password: 'Sandbox-Megan-1' },
  });
  const name = `Scanner route ${crypto.randomBytes(4).toString('hex')}`;
  await page.goto('/settings/smtp-relay');
  const form = page.getByRole('region', { name: 'Add relay client' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Username').fill(name.toLowerCase().replace(/\W+/g, '-'));
  await form.getByLabel('Allowed senders').fill(MEGAN);
  await expect(form.getByLabel('Mailbox Email Address')).toHaveCount(0);
  const select = form.getByLabel('Connection', { exact: true });
  const label = await select.locator('option', { hasText: connection }).textContent();
  await select.selectOption({ label: label ?? connection });
  const mailbox = form.getByLabel('Mailbox Email Address');
  await expect(mailbox).toHaveAttribute('placeholder', MEGAN);
  await mailbox.fill('adele@contoso.onmicrosoft.com');
  await form.getByRole('button', { name: 'Add relay client' }).click();
  await expect(form.getByText(/needs Mail\.Send\.Shared/)).toBeVisible();
  await expect(form.getByLabel('Allowed senders')).toHaveValue(MEGAN);
  await expect(mailbox).toHaveValue('adele@contoso.onmicrosoft.com');

  await mailbox.fill('');
  await form.getByRole('button', { name: 'Add relay client' }).click();
  await expect(page.getByText(`Relay client “${name}” created.`, { exact: false })).toBeVisible();
  await page.goto('/settings/smtp-relay');
  await page.getByRole('link', { name, exact: true }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByLabel('Connection', { exact: true }).locator('option:checked')).toContainText(connection);
  await expect(settings.getByLabel('Mailbox Email Address')).toHaveAttribute('placeholder', MEGAN);
});
