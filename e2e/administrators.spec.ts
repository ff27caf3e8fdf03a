import { expect, test } from './support/test';
import { addAdministrator, signIn, uniqueEmail } from './support/console';

test('add an administrator, who signs in; disabling them ends their session', async ({ page, browser }) => {
  await signIn(page);
  const other = { name: 'Bob Backup', email: uniqueEmail('bob'), password: 'bob-password-long' };
  await addAdministrator(page, other);

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signIn(bob, other);

  await page.goto('/administrators');
  await page.getByRole('button', { name: `Disable ${other.email}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(other.email) }).getByText('Disabled')).toBeVisible();

  await bob.goto('/integration/service-connections/connections');
  // Sent to sign in, and (issue 10) back to this page afterwards.
  await expect(bob).toHaveURL(/\/login\?next=%2Fintegration%2Fservice-connections%2Fconnections$/);
  await bob.getByLabel('Email').fill(other.email);
  await bob.getByLabel('Password').fill(other.password);
  await bob.getByRole('button', { name: 'Sign in' }).click();
  await expect(bob.getByText('The email or password is incorrect.').first()).toBeVisible();
  await bobContext.close();
});

test('adding an administrator twice is refused at the Email field', async ({ page }) => {
  await signIn(page);
  const email = uniqueEmail('twice');
  await addAdministrator(page, { name: 'Twice', email, password: 'twice-password-1' });
  const form = page.getByRole('region', { name: 'Add administrator' });
  await form.getByLabel('Name').fill('Twice again');
  await form.getByLabel('Email').fill(email.toUpperCase());
  await form.getByLabel('Password').fill('twice-password-2');
  await form.getByRole('button', { name: 'Add administrator' }).click();
  await expect(form.getByText('An administrator with this email already exists')).toBeVisible();
});

test('failed sign-ins are rate limited per account', async ({ page, browser }) => {
  await signIn(page);
  const victim = { name: 'Locked', email: uniqueEmail('locked'), password: 'locked-password-1' };
  await addAdministrator(page, victim);

  const context = await browser.newContext();
  const attacker = await context.newPage();
  await attacker.goto('/login');
  for (let i = 0; i < 5; i += 1) {
    await attacker.getByLabel('Email').fill(victim.email);
    await attacker.getByLabel('Password').fill(`wrong-guess-${i}`);
    // Wait for this attempt's answer: the previous one's message is still on screen.
    await Promise.all([
      attacker.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
      attacker.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect(attacker.getByText('The email or password is incorrect.').first()).toBeVisible();
    // React resets the form once the action's answer is rendered; typing before that would be wiped.
    await expect(attacker.getByLabel('Password')).toHaveValue('');
  }
  // Even the right password is refused while the account is locked.
  await attacker.getByLabel('Email').fill(victim.email);
  await attacker.getByLabel('Password').fill(victim.password);
  await attacker.getByRole('button', { name: 'Sign in' }).click();
  await expect(attacker.getByText(/Too many failed sign-ins\. Try again in \d+ minutes?\./)).toBeVisible();
  await context.close();

  await page.goto('/audit-log?q=' + encodeURIComponent(victim.email));
  await expect(page.getByRole('row', { name: /too many failed attempts/ }).first()).toBeVisible();
});

test('change password: the old one stops working, other sessions end', async ({ page, browser }) => {
  await signIn(page);
  const me = { name: 'Carol', email: uniqueEmail('carol'), password: 'carol-password-1' };
  await addAdministrator(page, me);

  const otherDevice = await browser.newContext();
  const phone = await otherDevice.newPage();
  await signIn(phone, me);

  const context = await browser.newContext();
  const carol = await context.newPage();
  await signIn(carol, me);
  await carol.goto('/account');
  await carol.getByLabel('Current password').fill('not-my-password');
  await carol.getByLabel('New password', { exact: true }).fill('carol-password-2');
  await carol.getByLabel('Confirm new password').fill('carol-password-2');
  await carol.getByRole('button', { name: 'Change password' }).click();
  await expect(carol.getByText('This is not your current password')).toBeVisible();

  await carol.getByLabel('Current password').fill(me.password);
  await carol.getByLabel('New password', { exact: true }).fill('carol-password-2');
  await carol.getByLabel('Confirm new password').fill('carol-password-2');
  await carol.getByRole('button', { name: 'Change password' }).click();
  await expect(carol.getByText('Password changed.')).toBeVisible();

  await phone.goto('/outbox');
  await expect(phone).toHaveURL(/\/login\?next=%2Foutbox$/);
  await carol.goto('/outbox');
  await expect(carol.getByRole('heading', { name: 'Outbox' })).toBeVisible();

  await signIn(phone, { ...me, password: 'carol-password-2' });
  await context.close();
  await otherDevice.close();
});
