import { expect, test } from './support/test';
import { signIn } from './support/console';

// A page or record that does not exist answers 404 in the console's own look. Next's built-in 404 styles itself
// with inline style attributes and a <style> element without the response's nonce, which the policy refuses: the
// spec fixture fails on that violation, so these prove the console's own 404 pages are used.

test('an address that matches no page answers 404 with a way back, under the policy', async ({ page }) => {
  await signIn(page);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
});

test('a record that does not exist answers 404 inside the console', async ({ page }) => {
  await signIn(page);
  const response = await page.goto('/outbox/does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByText('It may have been deleted')).toBeVisible();
  // The console's navigation is still there.
  await expect(page.getByRole('navigation', { name: 'Main' }).first()).toBeAttached();

  for (const path of [
    '/integration/service-connections/connections/does-not-exist',
    '/integration/service-connections/tenants/does-not-exist',
    '/email-robot/does-not-exist',
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
});
