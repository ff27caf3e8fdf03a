import http from 'node:http';
import https from 'node:https';

// A `fetch` that trusts one extra CA, for a process that started without NODE_EXTRA_CA_CERTS (Node 20's
// global fetch cannot be given a CA without the undici package). It never follows redirects: a 3xx comes
// back as is, which is what a test of the /authorize pages needs.

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function createCaFetch(caPem: string): typeof fetch {
  const agent = new https.Agent({ ca: caPem, keepAlive: true });
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = Object.fromEntries(request.headers.entries());
    if (body) headers['content-length'] = String(body.length);
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = transport.request(
        url,
        { method: request.method, headers, agent: url.protocol === 'https:' ? agent : undefined },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const status = incoming.statusCode ?? 500;
            const responseHeaders = new Headers();
            const raw = incoming.rawHeaders;
            for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.append(raw[i] as string, raw[i + 1] as string);
            const empty = NULL_BODY_STATUSES.has(status) || request.method === 'HEAD';
            resolve(
              new Response(empty ? null : Buffer.concat(chunks), {
                status,
                statusText: incoming.statusMessage,
                headers: responseHeaders,
              }),
            );
          });
        },
      );
      outgoing.on('error', reject);
      request.signal.addEventListener('abort', () => outgoing.destroy(new Error('aborted')));
      outgoing.end(body);
    });
  };
}
