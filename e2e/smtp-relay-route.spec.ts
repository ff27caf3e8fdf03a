import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { addConnection, recipient } from './support/emails';
import { relayGreets, turnRelayingOn } from './support/relay';
import { SERVERS } from './support/servers';

// Settings → SMTP relay → a client's own Connection and Mailbox Email Address: the signed-in mailbox of a delegated
// connection is the hint, a mailbox the connection cannot send as is refused at its field (every field kept), and
// the saved client shows its connection when opened again; the device's message is accepted for that client. The
// connection's user is one no other spec signs in with: as on Entra, a token carries every permission its user ever
// consented to for the app, and email.spec.ts has Megan and Adele consent to Mail.Send.Shared, after which sending as
// another mailbox is allowed (the refusal would not come).

const SCANNER = { username: 'scanner@contoso.onmicrosoft.com', password: 'Sandbox-Scanner-1' };

test('a relay client gets a connection of its own and a mailbox it may send as; its device’s message is accepted for it', async ({
  page,
}) => {
  await signIn(page);
  const connection = await addConnection(page, 'Microsoft Entra ID Graph API', {
    person: SCANNER,
  });
  const name = `Scanner route ${crypto.randomBytes(4).toString('hex')}`;
  await page.goto('/settings/smtp-relay');
  const form = page.getByRole('region', { name: 'Add relay client' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Username').fill(name.toLowerCase().replace(/\W+/g, '-'));
  await form.getByLabel('Allowed senders').fill(SCANNER.username);
  await expect(form.getByLabel('Mailbox Email Address')).toHaveCount(0);
  const select = form.getByLabel('Connection', { exact: true });
  const label = await select.locator('option', { hasText: connection }).textContent();
  await select.selectOption({ label: label ?? connection });
  const mailbox = form.getByLabel('Mailbox Email Address');
  await expect(mailbox).toHaveAttribute('placeholder', SCANNER.username);
  await mailbox.fill('adele@contoso.onmicrosoft.com');
  await form.getByRole('button', { name: 'Add relay client' }).click();
  await expect(form.getByText(/needs Mail\.Send\.Shared/)).toBeVisible();
  await expect(form.getByLabel('Allowed senders')).toHaveValue(SCANNER.username);
  await expect(mailbox).toHaveValue('adele@contoso.onmicrosoft.com');

  await mailbox.fill('');
  await form.getByRole('button', { name: 'Add relay client' }).click();
  await expect(page.getByText(`Relay client “${name}” created.`, { exact: false })).toBeVisible();
  const username = name.toLowerCase().replace(/\W+/g, '-');
  const password = await page.getByLabel(`Password for ${username}`).inputValue();

  await turnRelayingOn(page);
  const device = nodemailer.createTransport({
    host: '127.0.0.1',
    port: SERVERS.main.relayPort,
    requireTLS: true,
    tls: { rejectUnauthorized: false },
    auth: { user: username, pass: password },
  });
  const to = recipient();
  const subject = `Routed scan ${crypto.randomBytes(3).toString('hex')}`;
  // Every instance's listener follows the switch within seconds.
  await expect.poll(relayGreets, { timeout: 15_000 }).toBe(true);
  const info = await device.sendMail({ from: SCANNER.username, to, subject, text: 'Scanned.' });
  expect(info.response).toMatch(/^250 .*Queued as/);
  device.close();
  // Accepted for the client (its delivery by the client's own connection is tested in
  // tests/integration/relay/relay-client-route.test.ts: here the Emails settings, one global record that
  // email.spec.ts changes meanwhile, may be off, and then nothing is sent).
  await page.goto('/outbox?source=relay');
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText(`relay: ${name}`);
  await expect(row).toContainText(to);
  await page.goto('/settings/smtp-relay');
  await page.getByRole('link', { name, exact: true }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByLabel('Connection', { exact: true }).locator('option:checked')).toContainText(connection);
  await expect(settings.getByLabel('Mailbox Email Address')).toHaveAttribute('placeholder', SCANNER.username);
});
