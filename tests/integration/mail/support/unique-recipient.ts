import crypto from 'node:crypto';

/** An address outside the sandbox's tenants: the sandbox makes a mailbox for it that the test can read. */
export function uniqueRecipient(prefix = 'rcpt'): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}@example.com`;
}
