import crypto from 'node:crypto';
import { WEBHOOK_TOLERANCE_SECONDS } from './robot-limits';
import { signWebhook } from './sign-webhook';

export type WebhookVerification = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

/**
 * What a receiver does with a delivery: recompute the signature over the raw body, compare in constant time, and
 * refuse a timestamp further than the tolerance from its own clock. Used by the tests and shown in the README.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { signature?: string | null; timestamp?: string | null },
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): WebhookVerification {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return { ok: false, reason: 'missing' };
  if (Math.abs(nowSeconds - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const actual = Buffer.from(headers.signature);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
