import 'server-only';
import crypto from 'node:crypto';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from '@/lib/robot/sign-webhook';

// The one place where a notification leaves over HTTP, and so the place where webhook targets go through the
// network guard shared with the robot (SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS, lib/net) before anything is sent.
// Signed as the robot's hand-offs are (HMAC-SHA256 over "<timestamp>.<raw body>"); no redirect is followed; the
// error names the status or the network failure, never the URL or the secret.

export type WebhookPostResult = { ok: true; status: number } | { ok: false; error: string };

const TIMEOUT_MS = 15_000;

export async function postNotificationWebhook(url: string, secret: string, event: string, body: string): Promise<WebhookPostResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Switchboard-Notifications/1',
        [EVENT_HEADER]: event,
        [DELIVERY_HEADER]: crypto.randomUUID(),
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed: enter the final URL)' : '';
    return { ok: false, error: `HTTP ${response.status}${redirect}` };
  } catch (thrown) {
    const error = thrown as Error & { cause?: { code?: string } };
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return { ok: false, error: `No answer within ${TIMEOUT_MS / 1000} s` };
    return { ok: false, error: `Could not connect (${error.cause?.code ?? error.message})` };
  }
}
