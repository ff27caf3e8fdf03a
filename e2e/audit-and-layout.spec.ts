import { expect, test } from './support/test';
import { signIn, uniqueEmail, addAdministrator } from './support/console';

test('the audit log records who did what, from where, without secret values', async ({ page }) => {
  await signIn(page);
  const email = uniqueEmail('audited');
  const password = 'audited-password-unique-42';
  await addAdministrator(page, { name: 'Audited', email, password });
  await page.goto('/audit-log?q=' + encodeURIComponent(email));
  const row = page.getByRole('row', { name: new RegExp(`Administrator ${email} added`) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('e2e-admin@switchboard.test');
  await expect(row).toContainText('administrator.create');
  await expect(row).toContainText('127.0.0.1');
  expect(await page.content()).not.toContain(password);

  await page.goto('/audit-log?q=signed+in');
  await expect(page.getByRole('row', { name: /auth\.login/ }).first()).toBeVisible();
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the menu opens with the keyboard and leads to every area', async ({ page }) => {
    await signIn(page);
    const menu = page.getByText('Menu', { exact: true });
    await menu.focus();
    await page.keyboard.press('Enter');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Tenants' })).toBeVisible();
    await nav.getByRole('link', { name: 'Audit log' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
