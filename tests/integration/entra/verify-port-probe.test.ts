import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/entra/verify-tenant-credentials';
import { ensureCertificates } from '../../../sandbox/tls/ensure-certificates';
import { SANDBOX_TLS_DIR } from '../../support/sandbox-tls';

// Issue 11, finding 4 (last part): Verify credentials with a Custom authority host of the attacker's choosing must
// not become a port scanner. Each kind of port a scan tells apart — closed, open but not TLS (an SSH banner),
// TLS but not an identity platform (a web server's 404 page), plain HTTP — gets the same answer.

const listening: { close(): unknown }[] = [];

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listening.push(server);
  return (server.address() as AddressInfo).port;
}

const verifyAt = (port: number) =>
  verifyCredentials({
    cloud: 'custom',
    authorityHost: `https://127.0.0.1:${port}`,
    graphBaseUrl: 'https://graph.contoso.test',
    directoryId: 'contoso.onmicrosoft.com',
    clientId: '00000000-0000-4000-8000-000000000001',
    credential: { kind: 'secret', clientSecret: 'a-client-secret-value' },
  });

describe('Verify credentials against ports that are not an identity platform', () => {
  const ports: Record<string, number> = {};
  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = 'error';
    const closed = net.createServer();
    ports.closed = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    ports.ssh = await listen(net.createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
    ports.plainHttp = await listen(http.createServer((_req, res) => res.end('hello')));
    const { server: tls } = ensureCertificates(SANDBOX_TLS_DIR);
    ports.webServer = await listen(
      https.createServer({ key: tls.keyPem, cert: tls.certPem }, (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Intranet wiki: page not found</h1>');
      }),
    );
  });
  afterAll(() => listening.forEach((server) => server.close()));

  it('answers “could not connect” alike for closed, non-TLS, plain-HTTP and non-identity ports', async () => {
    const answers = Object.fromEntries(
      await Promise.all(Object.entries(ports).map(async ([kind, port]) => [kind, await verifyAt(port)] as const)),
    );
    const texts = Object.entries(answers).map(([kind, result]) => {
      expect(result.ok, kind).toBe(false);
      const error = result.ok ? null : result.error;
      // Port numbers differ by construction; everything else must be identical.
      return JSON.stringify(error).replace(/127\.0\.0\.1:\d+/g, 'HOST');
    });
    expect(new Set(texts).size, texts.join('\n')).toBe(1);
    expect(texts[0]).toMatch(/Could not connect to https:\/\/HOST/);
    expect(texts[0]).not.toMatch(/ECONNREFUSED|EPROTO|ECONNRESET|404|wiki|SSH/);
  });
});
