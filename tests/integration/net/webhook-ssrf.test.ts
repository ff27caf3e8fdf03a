import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import type { Resolver } from '@/lib/net/guarded-lookup';
import { deliverWebhook } from '@/lib/robot/deliver-webhook';

// Issue 11, finding 4: the robot's webhook as an attacker with an administrator's session used it — to make the
// server call its own loopback services, the cloud metadata address and the intranet, and to read what they
// answered. Real HTTP servers on loopback play the internal services; an injected resolver plays DNS rebinding.

interface Internal {
  port: number;
  hits: string[];
  close(): Promise<void>;
}

async function internalService(host: string): Promise<Internal> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('INTERNAL-ONLY admin page: db password is hunter2');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const deliver = (url: string, resolve?: Resolver) =>
  deliverWebhook({
    url,
    secret: 'webhook-secret-0123456789',
    deliveryId: 'd1',
    attempt: 1,
    body: '{"event":"email.received"}',
    timeoutMs: 5_000,
    resolve,
  });

function setAllowed(value: string | undefined) {
  if (value === undefined) delete process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS;
  else process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = value;
  resetEnvForTests();
}

describe('robot webhook: server-side request forgery', () => {
  let v4: Internal;
  let v6: Internal | null = null;
  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = 'error';
    v4 = await internalService('127.0.0.1');
    v6 = await internalService('::1').catch(() => null);
  });
  afterEach(() => setAllowed(undefined));
  afterAll(async () => {
    await v4?.close();
    await v6?.close();
  });

  it('refuses loopback in every spelling by default, and the internal service is never called', async () => {
    setAllowed(undefined);
    const urls = [
      `http://127.0.0.1:${v4.port}/`,
      `http://2130706433:${v4.port}/`,
      `http://0x7f.1:${v4.port}/`,
      `http://0.0.0.0:${v4.port}/`,
      `http://localhost:${v4.port}/`,
      `http://[::ffff:127.0.0.1]:${v4.port}/`,
      ...(v6 ? [`http://[::1]:${v6.port}/`] : []),
    ];
    const results = await Promise.all(urls.map((url) => deliver(url)));
    for (const [index, result] of results.entries()) {
      expect(result, urls[index]).toMatchObject({
        ok: false,
        status: null,
        error: expect.stringMatching(/^Refused: the address is not public/),
      });
      expect(result.ok || result.error).toContain('SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS');
    }
    expect(v4.hits).toEqual([]);
    expect(v6?.hits ?? []).toEqual([]);
  });

  it('judges the address a name resolves to when connecting (DNS rebinding), not the name', async () => {
    setAllowed(undefined);
    const rebinding: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const mixed: Resolver = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ];
    expect(await deliver(`http://hooks.customer.example:${v4.port}/in`, rebinding)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused/),
    });
    expect(await deliver('http://metadata.customer.example/latest/meta-data/', mixed)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused/),
    });
    expect(v4.hits).toEqual([]);
  });

  it('reaches an on-premises receiver only through the operator’s allow-list, connecting to the resolved address', async () => {
    setAllowed('127.0.0.0/8');
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    // The name exists nowhere but in the injected resolver: reaching the service proves the socket used it.
    const viaName = await deliver(`http://receiver.on-prem.example:${v4.port}/hooks/mail`, resolver);
    expect(viaName).toEqual({ ok: false, status: 500, error: 'HTTP 500 Internal Server Error' });
    expect(v4.hits).toEqual(['POST /hooks/mail']);
    if (v6)
      expect(await deliver(`http://[::1]:${v6.port}/`)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Refused/),
      });
  });

  it('never shows what a receiver answered, only the status', async () => {
    setAllowed('127.0.0.0/8');
    const result = await deliver(`http://127.0.0.1:${v4.port}/`);
    expect(result).toEqual({ ok: false, status: 500, error: 'HTTP 500 Internal Server Error' });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('answers the same for a closed port and a host that does not answer HTTP, so it maps no ports', async () => {
    setAllowed('127.0.0.0/8');
    const closed = await internalService('127.0.0.1');
    await closed.close();
    const notHttp = net.createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    await new Promise<void>((resolve) => notHttp.listen(0, '127.0.0.1', resolve));
    const answers = await Promise.all([
      deliver(`http://127.0.0.1:${closed.port}/`),
      deliver(`http://127.0.0.1:${(notHttp.address() as AddressInfo).port}/`),
    ]);
    notHttp.close();
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({
      ok: false,
      status: null,
      error: expect.stringMatching(/^Could not deliver: could not connect/),
    });
  });
});
