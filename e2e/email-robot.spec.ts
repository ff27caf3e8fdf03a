import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from './support/test';
import { verifyWebhookSignature } from '../lib/robot/verify-webhook-signature';
import { signIn } from './support/console';
import { ADELE, sandboxControl } from './support/sandbox';
import { ROOT, SANDBOX, SANDBOX_TLS_DIR, SERVERS, urlOf } from './support/servers';

// The E-mail Robot in the browser: set up a robot mailbox on Adele's own mailbox (its Archive folder, which no other
// spec touches), drop mail in through the sandbox, see it reach a real local webhook receiver, appear in the console
// and get moved; then a mailbox the account may not open, and Test's explanation.

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

function seedConnection(): { connectionId: string; connectionName: string } {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      './scripts/support/register-server-only.mjs',
      '--import',
      'tsx',
      'tests/integration/robot/support/seed-e2e-connection.ts',
      SANDBOX.controlUrl,
      `${urlOf('main')}/wm/externalAuth/redirect.html`,
      ADELE.username,
      ADELE.password,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        SWITCHBOARD_DATA_DIR: SERVERS.main.dataDir,
        DATABASE_URL: '',
        SWITCHBOARD_LOG_LEVEL: 'error',
        NODE_EXTRA_CA_CERTS: path.join(SANDBOX_TLS_DIR, 'ca.pem'),
      },
    },
  );
  if (result.status !== 0) throw new Error(`seeding the connection failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { connectionId: string; connectionName: string };
}

test.describe.configure({ mode: 'serial' });

test('a message dropped into the mailbox reaches the webhook, shows in the console, and is moved', async ({ page }) => {
  test.setTimeout(120_000);
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/mail`;
  const { connectionName } = seedConnection();
  const suffix = crypto.randomBytes(3).toString('hex');
  const processed = `Processed ${suffix}`;

  await signIn(page);
  await page.goto('/email-robot');
  await page.getByRole('link', { name: 'Add robot mailbox' }).click();
  await page.getByLabel('Name').fill(`Adele archive ${suffix}`);
  await page.getByLabel('Service Connection').selectOption({ label: `${connectionName} (${ADELE.username})` });
  await expect(page.getByText(`Empty: ${ADELE.username}’s own mailbox.`)).toBeVisible();
  await page.getByLabel('Folder').fill('Archive');
  await page.getByLabel('Poll interval (seconds)').fill('10');
  await page.getByLabel('After processing').selectOption('Move to folder');
  await page.getByLabel('Move to folder').fill(processed);
  await page.getByLabel('Webhook URL').fill(webhookUrl);
  await page.getByRole('button', { name: 'Generate secret' }).click();
  const secret = await page.getByLabel('Webhook secret').inputValue();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await page.getByRole('button', { name: 'Save & Close' }).click();

  await expect(page.getByRole('heading', { name: `Adele archive ${suffix}` })).toBeVisible();
  await page.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByRole('status', { name: 'Test result' })).toContainText(
    `Opened “Archive” in ${ADELE.username} (signed in as ${ADELE.username})`,
  );

  // Mail arrives; after one poll interval (10 s, plus the poller's 2 s tick and the poll's own Graph calls) it is in
  // the console. The bound is generous: on a loaded CI machine the poll, the webhook and each reload take seconds.
  const control = await sandboxControl();
  const subject = `Invoice ${suffix} for March`;
  const added = await control.post(`mailboxes/${ADELE.username}/messages`, {
    data: {
      folder: 'archive',
      from: 'billing@fabrikam.example',
      subject,
      text: 'Please find the invoice attached.',
      attachments: [
        {
          name: 'invoice.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from('%PDF invoice').toString('base64'),
        },
      ],
    },
  });
  expect(added.ok()).toBe(true);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('link', { name: subject })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 45_000 });
  expect(received).toHaveLength(1);
  const [delivery] = received;
  expect(
    verifyWebhookSignature(
      secret,
      {
        signature: String(delivery?.headers['x-switchboard-signature']),
        timestamp: String(delivery?.headers['x-switchboard-timestamp']),
      },
      delivery?.body ?? '',
    ),
  ).toEqual({ ok: true });
  expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
    event: 'email.received',
    message: { subject, from: { address: 'billing@fabrikam.example' }, attachments: [{ name: 'invoice.pdf' }] },
  });

  // Moved out of the watched folder into the one the robot created.
  await expect(async () => {
    const moved = await (
      await control.get(`mailboxes/${ADELE.username}/messages?folder=${encodeURIComponent(processed)}`)
    ).json();
    expect(moved).toEqual([expect.objectContaining({ subject })]);
  }).toPass({ timeout: 20_000 });
  expect(await (await control.get(`mailboxes/${ADELE.username}/messages?folder=archive`)).json()).toEqual([]);

  // Search, detail, raw MIME download.
  await page.getByLabel('Search messages').fill(`invoice ${suffix}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(`1 message match “invoice ${suffix}”`);
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByText('billing@fabrikam.example')).toBeVisible();
  await expect(page.getByText('invoice.pdf')).toBeVisible();
  await expect(page.getByText('Handed on', { exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download raw MIME/ }).click();
  const download = await downloading;
  const raw = fs.readFileSync((await download.path()) ?? '', 'utf8');
  expect(raw).toContain(`Subject: ${subject}`);
  expect(download.suggestedFilename()).toBe(`${subject}.eml`);

  // Poll now afterwards hands nothing on again.
  await page.goBack();
  await page.getByRole('button', { name: 'Poll now' }).click();
  await expect(page.getByRole('status', { name: 'Poll now result' })).toBeVisible();
  expect(received).toHaveLength(1);
  await control.dispose();
  await new Promise((resolve) => receiver.close(resolve));
});

test('a mailbox the signed-in account may not open: Test shows Graph’s answer and the fix', async ({ page }) => {
  const { connectionName } = seedConnection();
  const suffix = crypto.randomBytes(3).toString('hex');
  await signIn(page);
  await page.goto('/email-robot/new');
  await page.getByLabel('Name').fill(`Patti without access ${suffix}`);
  await page.getByLabel('Service Connection').selectOption({ label: `${connectionName} (${ADELE.username})` });
  await page.getByLabel('Mailbox Email Address').fill('patti@contoso.onmicrosoft.com');
  await page.getByLabel('Enabled').uncheck();
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByRole('heading', { name: `Patti without access ${suffix}` })).toBeVisible();
  await page.getByRole('button', { name: 'Test' }).click();
  const result = page.getByRole('alert', { name: 'Test result' });
  await expect(result).toContainText('403 ErrorAccessDenied: Access is denied.');
  await expect(result).toContainText(
    `${ADELE.username} cannot open patti@contoso.onmicrosoft.com: it has no Full Access permission`,
  );
  await expect(result).toContainText('Add-MailboxPermission -Identity patti@contoso.onmicrosoft.com');
  await page.getByRole('button', { name: 'Poll now' }).click();
  await expect(page.getByRole('alert', { name: 'Poll now result' })).toContainText('403 ErrorAccessDenied');
  await page.reload();
  await expect(page.getByTestId('robot-last-error')).toHaveText(
    '403 ErrorAccessDenied: Access is denied. Check credentials and try again.',
  );
});
