import { expect, test } from './support/test';
import { addAdministrator, signIn, uniqueEmail } from './support/console';
import { BROWSER_FUZZ_VALUES, fuzzForms, watchServerErrors } from './support/fuzz';
import { urlOf } from './support/servers';

// Issue 11 through the browser-facing console (SQLite): fuzzed forms, the sending API's body limits and its
// Bearer scheme, and the 500s the attack found. Runs as an administrator of its own, so the rate limits its wrong
// passwords hit are never the shared test administrator's.

const FORM_PAGES = [
  '/integration/service-connections/tenants/new',
  '/integration/service-connections/connections/new',
  '/integration/service-connections/services/new',
  '/email-robot/new',
  '/settings/api-keys',
  '/administrators',
  '/settings/global-system-settings/emails',
];

async function tableText(page: import('@playwright/test').Page): Promise<string> {
  const tables = page.locator('main table');
  return (await tables.count()) > 0 ? (await tables.allInnerTexts()).join('\n') : '';
}

async function signInAsOwnAdministrator(page: import('@playwright/test').Page): Promise<void> {
  await signIn(page);
  const own = { name: 'Fuzz', email: uniqueEmail('fuzz'), password: 'fuzz-admin-password-1' };
  await addAdministrator(page, own);
  await page.context().clearCookies();
  await signIn(page, own);
}

for (const [kind, value] of Object.entries(BROWSER_FUZZ_VALUES)) {
  test(`every form with every field ${kind}: no 5xx, no "Something went wrong", no record lost or changed`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signInAsOwnAdministrator(page);
    const errors = watchServerErrors(page);
    const lists = [
      '/integration/service-connections/tenants',
      '/integration/service-connections/services',
      '/administrators',
      '/settings/api-keys',
    ];
    const before: string[] = [];
    for (const list of lists) {
      await page.goto(list);
      before.push(await tableText(page));
    }
    for (const path of FORM_PAGES) {
      // An empty Emails form is an administrator turning email off: a real change, not a fuzz finding.
      if (kind === 'empty' && path.includes('/emails')) continue;
      await fuzzForms(page, path, value);
    }
    expect(errors).toEqual([]);
    for (const [i, list] of lists.entries()) {
      await page.goto(list);
      const now = await tableText(page);
      // New administrators from other specs may appear meanwhile; nothing that was there may go or change.
      // Rows are compared by their first two cells (name and its identifier): other specs sign in and use records
      // meanwhile, which changes "Last sign-in" and "Last used", never who or what is there.
      // A cell over several lines (a service's capabilities) leaves lines without a name of their own: not rows.
      const rows = (before[i] ?? '')
        .split('\n')
        .filter((l) => l.includes('\t') && (l.split('\t')[0] ?? '').trim() !== '' && !/^No .* yet\.?$/i.test(l.trim()));
      for (const row of rows) expect(now, list).toContain(row.split('\t').slice(0, 2).join('\t'));
    }
  });
}

test('list pages answer huge page numbers, repeated and NUL parameters without a 5xx', async ({ page }) => {
  await signIn(page);
  for (const path of ['/audit-log', '/outbox', '/integration/service-connections/connections']) {
    for (const query of [
      'page=99999999999999999999',
      'q=%00',
      'page=-5&page=7',
      'q=a&q=b',
      'filter=constructor',
      'page=1e308',
      'q=' + 'x'.repeat(5000),
    ]) {
      const response = await page.goto(`${path}?${query}`);
      expect(response?.status(), `${path}?${query.slice(0, 40)}`).toBeLessThan(500);
    }
  }
});

test('the sending API reads bodies to 48 MB through the real server, 413 above, and accepts a lower-case bearer', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto('/settings/api-keys');
  await page.getByLabel('Name').fill(`limits ${Date.now()}`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const key = await page.locator('#new-api-key').inputValue();
  expect(key).toMatch(/^sbk_/);
  const post = (data: string | Buffer, scheme = 'Bearer') =>
    request.post(`${urlOf('main')}/api/v1/messages`, {
      headers: { authorization: `${scheme} ${key}`, 'content-type': 'application/json' },
      data,
      timeout: 60_000,
    });

  // 20 MB of JSON whose recipient is wrong: read in full (a field error about `to`), never cut into "invalid JSON".
  const twenty = JSON.stringify({ to: 'not an address', subject: 'Limits', text: 'a'.repeat(20 * 1024 * 1024) });
  const read = await post(twenty);
  expect(read.status()).toBe(400);
  expect(await read.json()).toMatchObject({ error: 'invalid_request', fieldErrors: { 'to.0': expect.any(String) } });
  const over = await post(Buffer.alloc(49 * 1024 * 1024, 0x20));
  expect(over.status()).toBe(413);
  expect(await over.json()).toEqual({
    error: 'too_large',
    message: "The request body is larger than 48 MB, this endpoint's limit.",
  });
  const lower = await post(JSON.stringify({ to: 'not an address', text: 'x' }), 'bearer');
  expect(lower.status()).toBe(400);
});

test('a form post above 2 MB gets 413 with a message, not a 500', async ({ page }) => {
  await signIn(page);
  const response = await page.request.post(`${urlOf('main')}/administrators`, {
    headers: {
      origin: urlOf('main'),
      'content-type': 'application/x-www-form-urlencoded',
      'next-action': '0'.repeat(40),
    },
    data: `name=${'x'.repeat(3 * 1024 * 1024)}`,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ error: 'too_large' });
});
