import crypto from 'node:crypto';

// The webhook signature: HMAC-SHA256 with the mailbox's secret over "<timestamp>.<raw body>", hex, as
// `X-Switchboard-Signature: sha256=<hex>` next to `X-Switchboard-Timestamp: <unix seconds>`. Binding the timestamp
// into the signature lets a receiver refuse replays of an old delivery. Documented in the README.

export const SIGNATURE_HEADER = 'X-Switchboard-Signature';
export const TIMESTAMP_HEADER = 'X-Switchboard-Timestamp';
export const DELIVERY_HEADER = 'X-Switchboard-Delivery';
export const EVENT_HEADER = 'X-Switchboard-Event';
export const ATTEMPT_HEADER = 'X-Switchboard-Attempt';

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
  return `sha256=${mac}`;
}
