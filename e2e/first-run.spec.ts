import { expect, test } from './support/test';
import { NAV } from '../components/shell/nav-items';
import { urlOf } from './support/servers';

// One console that starts with no administrator: the whole first-run path, in order.
test.describe.configure({ mode: 'serial' });

const base = urlOf('fresh');
const first = { name: 'Ada Admin', email: 'ada@switchboard.test', password: 'first-admin-password' };

test('first run: setup, every navigation entry, sign out, sign in', async ({ page }) => {
  await page.goto(`${base}/integration/service-connections/tenants`);
  await expect(page).toHaveURL(`${base}/setup`);

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
  await expect(page).toHaveURL(`${base}/integration/service-connections/connections`);

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
  await page.goto(`${base}/administrators`);
  await expect(page).toHaveURL(`${base}/login`);

  await page.getByLabel('Email').fill(first.email);
  await page.getByLabel('Password').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The email or password is incorrect.').first()).toBeVisible();

  await page.getByLabel('Password').fill(first.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('link', { name: first.email })).toBeVisible();
});
