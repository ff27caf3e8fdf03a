import crypto from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { ADMIN } from './servers';

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}@switchboard.test`;
}

/** Signs in through the login form, the same endpoint a browser uses. */
export async function signIn(page: Page, credentials = ADMIN, baseURL?: string): Promise<void> {
  await page.goto(`${baseURL ?? ''}/login`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function addAdministrator(
  page: Page,
  input: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/administrators');
  const form = page.getByRole('region', { name: 'Add administrator' });
  await form.getByLabel('Name').fill(input.name);
  await form.getByLabel('Email').fill(input.email);
  await form.getByLabel('Password').fill(input.password);
  await form.getByRole('button', { name: 'Add administrator' }).click();
  await expect(page.getByText(`${input.email} can now sign in.`)).toBeVisible();
}
