import { expect, type Page } from '@playwright/test';

// The browser-facing half of issue 11's fuzz: every text field of a form filled with an attacker's value (the
// browser's own limits — maxlength, required, type=email, pattern — removed, as an attacker would), then each of
// the form's buttons pressed. Any 5xx answer or "Something went wrong" fails the test.

// "long": the first field gets a megabyte and every other one 100,001 characters (one over any field's limit), so
// the form stays under the 2 MB a form post may carry and each field must answer with its own error.
export const LONG = 'long';
export const BROWSER_FUZZ_VALUES: Record<string, string> = {
  [LONG]: 'x'.repeat(1024 * 1024),
  nul: 'fuzz\u0000value',
  empty: '',
  markup: '"><img src=x onerror=alert(1)>',
  'huge number': '99999999999999999999',
};

// Row actions (Enable/Disable of another spec's administrator) are not forms to fuzz, and may be gone on reload.
const SKIP_BUTTONS =
  /delete|revoke|disable|enable|sign out|remove|disconnect|setup authentication|re-authenticate|copy|reset/i;

export function watchServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

export async function fuzzForms(page: Page, path: string, value: string): Promise<void> {
  await page.goto(path);
  const buttons = page.locator('main form button[type="submit"], main form button:not([type])');
  const names = (await buttons.allInnerTexts()).map((n) => n.trim()).filter((n) => n && !SKIP_BUTTONS.test(n));
  for (const name of [...new Set(names)]) {
    await page.goto(path);
    await page.evaluate((typed) => {
      let first = true;
      for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'main form input, main form textarea',
      )) {
        if (
          field instanceof HTMLInputElement &&
          ['hidden', 'checkbox', 'radio', 'submit', 'file', 'button'].includes(field.type)
        )
          continue;
        field.removeAttribute('maxlength');
        field.removeAttribute('required');
        field.removeAttribute('pattern');
        field.removeAttribute('min');
        field.removeAttribute('max');
        if (field instanceof HTMLInputElement && field.type !== 'password') field.type = 'text';
        // React tracks values through the native setter; typing would take minutes for a megabyte.
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
        setter?.call(field, first || typed.length < 100_001 ? typed : typed.slice(0, 100_001));
        first = false;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      for (const form of document.querySelectorAll('form')) form.noValidate = true;
    }, value);
    const button = page.locator('main form').getByRole('button', { name, exact: true }).first();
    // Most forms check their fields in the browser with the action's own schema and never post these values (the
    // actions themselves are fuzzed in-process, tests/integration/security/fuzz-actions.test.ts): no POST is fine.
    const answered = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 4_000 }).catch(() => null);
    await button.click();
    await answered;
    await expect(page.getByText(/Something went wrong/)).toHaveCount(0);
  }
}
