import { expect, test } from './support/test';
import { signIn } from './support/console';

// Issue 16: a form page's first load leaves out zod (31 kB compressed): the form loads its schema, the server's own,
// when it is submitted. Each form still checks its fields in the browser first. Every script comes in brotli (the
// build's copies), and the form still works with them.

const FORMS = [
  { route: '/integration/service-connections/tenants/new', button: 'Save & Close', firstError: 'Enter a name' },
  { route: '/integration/service-connections/services/new', button: 'Save & Close', firstError: 'Enter a name' },
  { route: '/integration/service-connections/connections/new', button: 'Save & Close', firstError: 'Choose a service' },
  { route: '/email-robot/new', button: 'Save & Close', firstError: 'Enter a name' },
  {
    route: '/settings/global-system-settings/emails',
    fill: { label: 'Default Sender', value: 'not-an-address' },
    button: 'Done',
    firstError: 'Enter an email address, e.g. notifications@contoso.com',
  },
];

for (const { route, fill, button, firstError } of FORMS) {
  test(`${route} loads its field checks only when the form is submitted`, async ({ page }) => {
    const scripts: Promise<string>[] = [];
    const encodings = new Map<string, string>();
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.text().catch(() => ''));
      encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding'] ?? 'none');
    });
    const zodLoaded = async () => (await Promise.all(scripts)).some((body) => body.includes('"ZodError"'));
    await signIn(page);
    await page.goto(route);
    await page.waitForLoadState('networkidle');
    expect(await zodLoaded(), 'zod in the first load').toBe(false);
    expect(encodings.size).toBeGreaterThan(5);
    for (const [script, encoding] of encodings) expect(encoding, script).toBe('br');

    if (fill) await page.getByLabel(fill.label, { exact: true }).fill(fill.value);
    await page.getByRole('button', { name: button }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: new RegExp(`^${firstError.replace(/[.]/g, '\\.')}$`) }),
    ).toBeVisible();
    expect(await zodLoaded(), 'zod loaded for the check').toBe(true);
  });
}

// The connection form's New tenant dialog brings a whole second form (the tenant's fields and the clouds): it loads
// when the dialog opens, and the dialog works as before.
test('Add Service Connection loads the New tenant form only when the dialog opens', async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
  });
  const tenantFieldsLoaded = async () =>
    (await Promise.all(scripts)).some((body) => body.includes('How this app registration is called in Switchboard'));
  await signIn(page);
  await page.goto('/integration/service-connections/connections/new');
  await page.waitForLoadState('networkidle');
  expect(await tenantFieldsLoaded(), "the tenant's fields in the first load").toBe(false);

  await page.getByRole('button', { name: 'New tenant' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tenant' });
  await expect(dialog.getByLabel('Name', { exact: true })).toBeEditable();
  await expect(dialog.getByLabel('Cloud', { exact: true })).toHaveValue('global');
  expect(await tenantFieldsLoaded(), "the tenant's fields once the dialog is open").toBe(true);
});
