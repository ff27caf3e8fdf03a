import 'server-only';
import { ATTEMPT_HEADER, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './sign-webhook';

// One POST of a message to a mailbox's webhook: JSON, signed, with a delivery id that stays the same across
// retries (so a receiver can drop a repeat), a timeout, and no redirects followed. Only a 2xx counts as delivered.
// The error text names the status or the network failure, never the URL (it may carry a token) or the secret.

export interface WebhookDelivery {
  url: string;
  secret: string;
  deliveryId: string;
  attempt: number;
  body: string;
  timeoutMs: number;
}

export type WebhookResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function snippet(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, ' ').trim();
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return '';
  }
}

export async function deliverWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  let response: Response;
  try {
    response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(delivery.timeoutMs),
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
    });
  } catch (thrown) {
    const error = thrown as Error & { cause?: { code?: string; message?: string } };
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return { ok: false, status: null, error: `No answer within ${Math.round(delivery.timeoutMs / 1000)} s` };
    const cause = error.cause?.code ?? error.cause?.message ?? error.message;
    return { ok: false, status: null, error: `Could not connect (${cause})` };
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: true, status: response.status };
  }
  const text = await snippet(response);
  const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed: enter the final URL)' : '';
  return { ok: false, status: response.status, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${redirect}${text ? `: ${text}` : ''}` };
}
