import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/test';
import { verifyWebhookSignature } from '../lib/robot/verify-webhook-signature';
import { signIn } from './support/console';

// Settings → Notifications in the browser: every field after every button, the secret write-only, the test button
// calling a real receiver with a signature it can check, and the call listed on the page.

test('the webhook channel: refused without a secret, saved, tested, listed', async ({ page }) => {
  const calls: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/switchboard`;
  const secret = `e2e-secret-${crypto.randomBytes(12).toString('hex')}`;
  try {
    await signIn(page);
    await page.goto('/settings/notifications');
    await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();

    await page.getByLabel('Call a webhook').check();
    await page.getByLabel('Webhook URL').fill(url);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Enter a secret: the receiver checks')).toBeVisible();
    await expect(page.getByLabel('Webhook URL')).toHaveValue(url);

    await page.getByLabel('Webhook secret').fill(secret);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Notification settings saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Call a webhook')).toBeChecked();
    await expect(page.getByLabel('Webhook URL')).toHaveValue(url);
    await expect(page.getByLabel('Webhook secret')).toHaveValue('');
    await expect(page.getByText(`ends ••••${secret.slice(-4)}`)).toBeVisible();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Call test webhook' }).click();
    await expect(page.getByText(/Test sent: 127\.0\.0\.1:\d+: HTTP 204\./)).toBeVisible();
    expect(calls).toHaveLength(1);
    const [call] = calls;
    const headers = {
      signature: String(call?.headers['x-switchboard-signature']),
      timestamp: String(call?.headers['x-switchboard-timestamp']),
    };
    expect(verifyWebhookSignature(secret, headers, call?.body ?? '')).toEqual({ ok: true });
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({ event: 'notification.test', subject: 'Test notification' });

    const row = page.getByRole('row').filter({ hasText: 'notification.test' }).first();
    await expect(row).toContainText('Webhook');
    await expect(row).toContainText('Delivered');

    // A channel that is off is not "tested" silently.
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByText('Turn the email channel on and save it first.')).toBeVisible();
  } finally {
    await page.goto('/settings/notifications');
    await page.getByLabel('Call a webhook').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
