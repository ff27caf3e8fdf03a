import 'server-only';
import { STATUS_CODES } from 'node:http';
import type { Resolver } from '@/lib/net/guarded-lookup';
import { guardedRequest } from '@/lib/net/guarded-request';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
} from '@/lib/robot/sign-webhook';

// The one place where a notification leaves over HTTP. It goes through the same network guard as the robot's
// hand-offs (lib/net: a non-public address is refused unless the operator allowed its network with
// SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS). Signed as the robot's hand-offs are (HMAC-SHA256 over
// "<timestamp>.<raw body>"); no redirect is followed; the error names the status or a short reason, never the
// receiver's body, the URL or the secret.

export type WebhookPostResult = { ok: true; status: number } | { ok: false; error: string };

const TIMEOUT_MS = 15_000;

export async function postNotificationWebhook(
  url: string,
  secret: string,
  event: string,
  body: string,
  /** The same for every try of one notification, so a receiver can tell a retry from a new event. */
  deliveryId: string,
  resolve?: Resolver,
): Promise<WebhookPostResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await guardedRequest(
    {
      url,
      method: 'POST',
      timeoutMs: TIMEOUT_MS,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Switchboard-Notifications/1',
        [EVENT_HEADER]: event,
        [DELIVERY_HEADER]: deliveryId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
    },
    { resolve },
  );
  if (!result.ok)
    return {
      ok: false,
      error: result.failure === 'refused' ? `Refused: ${result.reason}` : `Could not deliver: ${result.reason}`,
    };
  if (result.status >= 200 && result.status < 300) return { ok: true, status: result.status };
  const redirect =
    result.status >= 300 && result.status < 400 ? ' (redirects are not followed: enter the final URL)' : '';
  return {
    ok: false,
    error: `HTTP ${result.status}${STATUS_CODES[result.status] ? ` ${STATUS_CODES[result.status]}` : ''}${redirect}`,
  };
}
