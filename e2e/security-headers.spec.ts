import { expect, test } from './support/test';
import { signIn } from './support/console';
import { urlOf } from './support/servers';

// Issue 11, finding 9: a Content-Security-Policy with a nonce per response that the console runs under. Every spec
// also fails on a CSP violation in the browser (e2e/support/test.ts); these check the policy itself.

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce ?? '';
}

test('pages carry a strict policy with a new nonce each time, and every script on them has it', async ({ request }) => {
  const first = await request.get(`${urlOf('main')}/login`);
  const policy = first.headers()['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(policy).toContain(directive);
  }
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'(;|$)/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  const nonce = nonceOf(policy);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const second = await request.get(`${urlOf('main')}/login`);
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);
  // Plain http here: no HSTS (it is sent when SWITCHBOARD_PUBLIC_URL is https; see tests/integration/http).
  expect(first.headers()['strict-transport-security']).toBeUndefined();
});

test('the redirect page Microsoft returns to runs only its own script and style, by the response’s nonce', async ({
  request,
}) => {
  const response = await request.get(`${urlOf('main')}/wm/externalAuth/redirect.html?state=forged&code=x`);
  expect(response.status()).toBe(400);
  const policies = response.headers()['content-security-policy'] ?? '';
  const nonce = nonceOf(policies);
  // Whatever the proxy and the handler each said, it is one nonce.
  expect(new Set([...policies.matchAll(/'nonce-([^']+)'/g)].map((m) => m[1]))).toEqual(new Set([nonce]));
  const html = await response.text();
  expect(html).toContain(`<style nonce="${nonce}">`);
  expect(html).not.toMatch(/<(script|style)(?![^>]*nonce=)/);
});

test('the console never compiles a string into code: forms check their fields without new Function', async ({
  page,
}) => {
  // A page script that compiles a string is refused by the policy (a violation report in every browser); here each
  // attempt is recorded, whatever the browser's debugger allows, and the form's checks must still run. (Only the
  // Function constructor: the test driver itself evaluates through `eval`.)
  await page.addInitScript(() => {
    const attempts: string[] = [];
    Object.assign(window, { __stringCompilations: attempts });
    const record = (what: string) => {
      attempts.push(what);
      throw new EvalError(`${what} is not allowed in the console`);
    };
    window.Function = new Proxy(Function, {
      apply: () => record('Function()'),
      construct: () => record('new Function()'),
    });
  });
  await signIn(page);
  await page.goto('/integration/service-connections/tenants/new');
  await page.getByLabel('Tenant ID').fill('not a tenant');
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page.getByText('Enter a name')).toBeVisible();
  const attempts = await page.evaluate(
    () => (window as typeof window & { __stringCompilations: string[] }).__stringCompilations,
  );
  expect(attempts).toEqual([]);
  await expect(page.getByText(/Something went wrong/)).toHaveCount(0);
});

test('an injected inline script does not run, and the violation is caught by the spec fixture', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/login');
  await page.addScriptTag({ content: 'window.__injected = true;' }).catch(() => undefined);
  expect(await page.evaluate(() => (window as typeof window & { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.join('\n')).toMatch(/inline script/i);
  // Seen and expected: this test's only violation.
  cspViolations.length = 0;
});
