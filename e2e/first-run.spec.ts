import { expect, test } from './support/test';
import { NAV } from '../components/shell/nav-items';
import { urlOf } from './support/servers';

// One console that starts with no administrator: the whole first-run path, in order.
test.describe.configure({ mode: 'serial' });

const base = urlOf('fresh');
const first = { name: 'Ada Admin', email: 'ada@switchboard.test', password: 'first-admin-password' };

/** The primary button's look: a filled background and padding, not the browser's bare text. */
async function expectStyledPrimary(page: import('@playwright/test').Page, name: string) {
  const style = await page.getByRole('button', { name }).evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      background: s.backgroundColor,
      paddingLeft: parseFloat(s.paddingLeft),
      paddingTop: parseFloat(s.paddingTop),
      width: el.getBoundingClientRect().width,
      parent: el.parentElement?.getBoundingClientRect().width ?? 0,
    };
  });
  expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(style.paddingLeft).toBeGreaterThan(0);
  expect(style.paddingTop).toBeGreaterThan(0);
  // "w-full" still applies: the button spans its form.
  expect(style.width).toBeCloseTo(style.parent, 0);
}

test('first run: setup, the start page with its checklist, every navigation entry, sign out, sign in back to the page', async ({
  page,
}) => {
  await page.goto(`${base}/integration/service-connections/tenants`);
  await expect(page).toHaveURL(`${base}/setup`);
  await expectStyledPrimary(page, 'Create administrator');

  // Empty and bad input is refused at the field, with a message.
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a name')).toBeVisible();
  await expect(page.getByText('Enter an email address')).toBeVisible();

  await page.getByLabel('Name').fill(first.name);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('different');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Enter a valid email address, like admin@contoso.com')).toBeVisible();
  await expect(page.getByText('Use at least 12 characters')).toBeVisible();
  await expect(page.getByText('The passwords do not match')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(first.name);

  await page.getByLabel('Email').fill(first.email);
  await page.getByLabel('Password', { exact: true }).fill(first.password);
  await page.getByLabel('Confirm password').fill(first.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page).toHaveURL(`${base}/`);

  // Nothing is configured: the start page lists the guides' steps, none ticked, each a link to its page.
  const checklist = page.getByRole('region', { name: 'Getting started' });
  const steps = [
    ['Add a tenant', '/integration/service-connections/tenants/new'],
    ['Add a Service Connection', '/integration/service-connections/connections/new'],
    ['Setup Authentication', '/integration/service-connections/connections'],
    ['Set up Emails', '/settings/global-system-settings/emails'],
    ['Send a test email', '/settings/global-system-settings/emails'],
  ] as const;
  for (const [title, href] of steps) {
    await expect(checklist.getByRole('listitem', { name: `${title}: to do` })).toBeVisible();
    await expect(checklist.getByRole('link', { name: title })).toHaveAttribute('href', href);
  }
  await expect(page.getByRole('region', { name: 'Connections' })).toContainText('No connections yet.');
  await expect(page.getByRole('region', { name: 'Outbox' })).toContainText('Last 24 hours: 0 sent, 0 failed.');
  await expect(page.getByRole('region', { name: 'Database' })).toContainText(/SQLite: [\d.]+ (KB|MB)/);
  await expect(page.getByRole('region', { name: 'Database' })).toContainText('message bodies after 30 days');

  // Following the first step and doing it ticks it.
  await checklist.getByRole('link', { name: 'Add a tenant' }).click();
  await expect(page).toHaveURL(`${base}/integration/service-connections/tenants/new`);
  await page.getByLabel('Name', { exact: true }).fill('First tenant');
  await page.getByLabel('Tenant ID').fill('contoso.onmicrosoft.com');
  await page.getByLabel('Client ID').fill('11111111-2222-3333-4444-555555555555');
  await page.getByLabel('Client Secret', { exact: true }).fill('first~tenant-secret-value');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(`${base}/integration/service-connections/tenants`);
  await page.goto(`${base}/`);
  await expect(checklist.getByRole('listitem', { name: 'Add a tenant: done' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Add a Service Connection: to do' })).toBeVisible();

  // Setup is closed once an administrator exists.
  await page.goto(`${base}/setup`);
  await expect(page).not.toHaveURL(`${base}/setup`);

  for (const item of NAV.flatMap((group) => group.items)) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item.label, exact: true }).click();
    await expect(page).toHaveURL(`${base}${item.href}`);
    await expect(page.getByRole('heading', { level: 1, name: item.label })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${base}/login`);
  await page.goto(`${base}/administrators?from=bookmark`);
  await expect(page).toHaveURL(`${base}/login?next=${encodeURIComponent('/administrators?from=bookmark')}`);
  await expectStyledPrimary(page, 'Sign in');

  await page.getByLabel('Email').fill(first.email);
  await page.getByLabel('Password').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The email or password is incorrect.').first()).toBeVisible();

  await page.getByLabel('Password').fill(first.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('link', { name: first.email })).toBeVisible();
  // Back on the page the link pointed to, not on a default page.
  await expect(page).toHaveURL(`${base}/administrators?from=bookmark`);
  await expect(page.getByRole('heading', { level: 1, name: 'Administrators' })).toBeVisible();
});
