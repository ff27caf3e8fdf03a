import { type BrowserContext, test as base, expect } from '@playwright/test';

// Every spec imports `test` from here (lint enforces it): a Content-Security-Policy violation in any page of the
// test — the main page, a popup, a context the test opened itself — fails the test, so the console is proven to
// work under its policy, not merely to send one.

export { expect };

const VIOLATION = /Content Security Policy/i;

function watch(context: BrowserContext, violations: string[]): void {
  context.on('console', (message) => {
    if (VIOLATION.test(message.text()))
      violations.push(`${message.location().url || message.page()?.url() || '?'}: ${message.text()}`);
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      watch(context, violations);
      // Contexts a test opens itself (a second administrator, a mailbox user) are watched too.
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const opened = await newContext.apply(browser, args);
        watch(opened, violations);
        return opened;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
