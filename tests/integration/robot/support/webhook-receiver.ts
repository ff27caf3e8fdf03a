import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server standing in for a customer's webhook: records every request (headers and raw body), answers
// with scripted statuses (then 200), and can run a hook before answering (to check the mailbox mid-delivery).

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: WebhookBody;
  status: number;
  /** False when the connection was gone before the answer (the sender crashed while waiting). */
  answered: boolean;
}

export interface WebhookBody {
  event: string;
  id: string;
  mailbox: { id: string; name: string; address: string };
  message: {
    internetMessageId: string;
    subject: string;
    from: { name: string; address: string };
    to: { name: string; address: string }[];
    cc: { name: string; address: string }[];
    receivedAt: string;
    body: { contentType: string; content: string; truncated: boolean };
    attachments: { name: string; contentType: string; size: number; isInline: boolean }[];
    mime: { size: number; included: boolean; base64?: string };
  };
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedWebhook[];
  /** The requests answered with a 2xx: what the receiver actually accepted. */
  accepted(): ReceivedWebhook[];
  /** The next requests get these statuses, in order; after them, 200. */
  respondWith(...statuses: number[]): void;
  /** Runs before each answer; may wait (the robot then waits too). */
  beforeAnswer(hook: ((request: ReceivedWebhook) => Promise<void> | void) | null): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const scripted: number[] = [];
  let hook: ((request: ReceivedWebhook) => Promise<void> | void) | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = scripted.shift() ?? 200;
      const received: ReceivedWebhook = {
        headers: req.headers,
        body,
        json: JSON.parse(body) as WebhookBody,
        status,
        answered: false,
      };
      requests.push(received);
      void Promise.resolve(hook?.(received)).then(() => {
        if (req.socket.destroyed) return;
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        res.end(status >= 300 ? `receiver says no (${status})` : 'ok');
        received.answered = true;
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/mail`,
    requests,
    accepted: () => requests.filter((r) => r.answered && r.status >= 200 && r.status < 300),
    respondWith: (...statuses) => scripted.push(...statuses),
    beforeAnswer: (next) => {
      hook = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
