import 'server-only';
import { STATUS_CODES } from 'node:http';
import { guardedRequest } from '@/lib/net/guarded-request';
import type { Resolver } from '@/lib/net/guarded-lookup';
import {
  ATTEMPT_HEADER,
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
} from './sign-webhook';

// One POST of a message to a mailbox's webhook: JSON, signed, with a delivery id that stays the same across
// retries (so a receiver can drop a repeat), a timeout, and no redirects followed. Only a 2xx counts as delivered.
// It goes through the SSRF guard (lib/net): a non-public address is refused unless the operator allowed it.
// The error text is the status (with its standard name, not the far side's reason phrase) or a short reason, never
// the receiver's body, the URL (it may carry a token) or the secret.

export interface WebhookDelivery {
  url: string;
  secret: string;
  deliveryId: string;
  attempt: number;
  body: string;
  timeoutMs: number;
  /** Tests only: the resolver the guard connects through. */
  resolve?: Resolver;
}

export type WebhookResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export async function deliverWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await guardedRequest(
    {
      url: delivery.url,
      method: 'POST',
      timeoutMs: delivery.timeoutMs,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Switchboard-EmailRobot/1',
        [EVENT_HEADER]: 'email.received',
        [DELIVERY_HEADER]: delivery.deliveryId,
        [ATTEMPT_HEADER]: String(delivery.attempt),
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, delivery.body),
      },
      body: delivery.body,
    },
    { resolve: delivery.resolve },
  );
  if (!result.ok)
    return {
      ok: false,
      status: null,
      error: result.failure === 'refused' ? `Refused: ${result.reason}` : `Could not deliver: ${result.reason}`,
    };
  if (result.status >= 200 && result.status < 300) return { ok: true, status: result.status };
  const redirect =
    result.status >= 300 && result.status < 400 ? ' (redirects are not followed: enter the final URL)' : '';
  return {
    ok: false,
    status: result.status,
    error: `HTTP ${result.status}${STATUS_CODES[result.status] ? ` ${STATUS_CODES[result.status]}` : ''}${redirect}`,
  };
}
