import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign-webhook';
import { verifyWebhookSignature } from './verify-webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = '{"event":"email.received","id":"m1"}';

  it('is HMAC-SHA256 over "<timestamp>.<raw body>", hex, prefixed sha256=', () => {
    const expected = crypto.createHmac('sha256', secret).update(`1732220000.${body}`).digest('hex');
    expect(signWebhook(secret, 1732220000, body)).toBe(`sha256=${expected}`);
  });

  it('verifies, and refuses a changed body, another secret, a missing header and a stale timestamp', () => {
    const now = 1_800_000_000;
    const signature = signWebhook(secret, now, body);
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(now) }, body, now + 10)).toEqual({ ok: true });
    expect(
      verifyWebhookSignature(secret, { signature, timestamp: String(now) }, body.replace('m1', 'm2'), now),
    ).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature('another-secret-value', { signature, timestamp: String(now) }, body, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyWebhookSignature(secret, { signature: null, timestamp: String(now) }, body, now)).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(now) }, body, now + 301)).toEqual({
      ok: false,
      reason: 'stale',
    });
    // A replay with a fresh timestamp header but the old signature does not verify.
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(now + 400) }, body, now + 400)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});
