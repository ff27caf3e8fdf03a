import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { addConnection, fillSmtpOAuth, mailbox, sendTest } from './support/emails';
import { sandboxControl } from './support/sandbox';

// The EAP guide's Emails settings (SMTP with OAuth) for a mailbox whose SMTP AUTH Exchange refuses (535 5.7.139, the
// sandbox's scanner mailbox): Send test email explains both fixes; with a Graph fall-back connection chosen, the same
// button proves the fall-back (the test goes through Graph and says why), and every field keeps its choice. Nothing
// is saved: the Emails settings are one global record that email.spec.ts changes meanwhile.

const SCANNER = { username: 'scanner@contoso.onmicrosoft.com', password: 'Sandbox-Scanner-1' };

let control: APIRequestContext;
test.beforeAll(async () => {
  control = await sandboxControl();
});
test.afterAll(async () => {
  await control?.dispose();
});

test('Send test email with SMTP AUTH disabled for the mailbox: both fixes explained, then proven through the Graph fall-back', async ({
  page,
}) => {
  await signIn(page);
  const exchange = await addConnection(page, 'Microsoft Entra ID Exchange', { person: SCANNER });
  const graph = await addConnection(page, 'Microsoft Entra ID Graph API', { person: SCANNER });
  await fillSmtpOAuth(page, exchange, { mailbox: SCANNER.username, sender: SCANNER.username });
  const fallback = page.getByLabel('Graph fall-back connection');
  await expect(fallback).toHaveValue('');

  const refusedTo = await sendTest(page);
  const result = page.getByRole('region', { name: 'Test email result' });
  await expect(result).toContainText('535 5.7.139');
  await expect(result).toContainText('Set-CASMailbox');
  await expect(result).toContainText('Graph fall-back connection');
  expect(await mailbox(control, refusedTo)).toHaveLength(0);

  const label = await fallback.locator('option', { hasText: graph }).textContent();
  await fallback.selectOption({ label: label ?? graph });
  const to = await sendTest(page);
  await expect(result).toContainText(`Test email sent to ${to}.`);
  await expect(result).toContainText(
    `Sent through Microsoft Graph (connection “${graph}”) because SMTP AUTH is disabled for this mailbox (535 5.7.139).`,
  );
  const [received] = await mailbox(control, to);
  expect(received).toMatchObject({ from: { address: SCANNER.username }, subject: 'Switchboard test email' });

  // Every field as chosen, after both buttons.
  await expect(page.getByLabel('SMTP Server Connection Type').locator('option:checked')).toHaveText('SMTP');
  await expect(page.getByLabel('Use SSL')).toBeChecked();
  await expect(page.getByLabel('Mailbox Email Address')).toHaveValue(SCANNER.username);
  await expect(page.getByLabel('Service Connection').locator('option:checked')).toContainText(exchange);
  await expect(fallback.locator('option:checked')).toContainText(graph);
  await expect(page.getByLabel('Default Sender')).toHaveValue(SCANNER.username);
});
