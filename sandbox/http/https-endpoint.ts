import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { KeyAndCertificate } from '../tls/issue-certificate';
import { HttpExchange } from './http-exchange';
import type { RouteTable } from './route-table';

// The one HTTPS server of the sandbox: identity platform, Graph and the control API share it, each owning a
// path prefix. Listens on 127.0.0.1 only.

export interface Mount {
  /** Path prefix this table answers for ('/' for the rest). */
  prefix: string;
  routes: RouteTable;
  /** Answer for a path under the prefix that no route matches. */
  notFound: (exchange: HttpExchange, methodNotAllowed: boolean) => void;
}

export interface HttpsEndpoint {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startHttpsEndpoint(
  tls: KeyAndCertificate,
  port: number,
  mounts: Mount[],
  log: (line: string) => void,
): Promise<HttpsEndpoint> {
  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    const exchange = new HttpExchange(req, res);
    const pathname = exchange.url.pathname;
    const mount = mounts.find((m) => m.prefix === '/' || pathname === m.prefix || pathname.startsWith(`${m.prefix}/`));
    const handle = async () => {
      if (!mount) return exchange.json(404, { error: 'not_found' });
      const match = mount.routes.match(exchange.method, pathname);
      if (!match.handler) return mount.notFound(exchange, match.methodNotAllowed);
      exchange.params = match.params;
      await match.handler(exchange);
    };
    handle()
      .catch((error: unknown) => {
        const id = randomUUID();
        log(
          `sandbox: unexpected error ${id} on ${exchange.method} ${pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        exchange.json(500, { error: 'server_error', error_description: `Sandbox error (id ${id})` });
      })
      .finally(() => log(`${exchange.method} ${pathname} -> ${res.statusCode}`));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const sockets = new Set<Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
