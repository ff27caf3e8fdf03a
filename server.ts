import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import next from 'next';
import { bootstrapAdministrator } from '@/lib/auth/bootstrap-administrator';
import { loadKeyring } from '@/lib/crypto/load-keyring';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { startTokenKeeper } from '@/lib/entra/refresh-idle-connections';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { disconnectDb } from '@/lib/db/prisma';
import { precompressedStatic } from '@/lib/http/precompressed-static';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { startRelayListener } from '@/lib/mail/relay/start-relay-listener';
import { startNotificationWatcher } from '@/lib/notifications/start-notification-watcher';
import { startRetentionJob } from '@/lib/retention/start-retention-job';
import { startRobotPoller } from '@/lib/robot/start-robot-poller';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';

// The production entry: prepares the store and keys before accepting a request, and owns the socket so that the
// client address used for rate limiting and audit cannot be forged with an X-Forwarded-For header.

function sanitizeForwardedHeaders(req: http.IncomingMessage, trustProxy: boolean): void {
  if (trustProxy) return;
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  req.headers['x-forwarded-proto'] = 'http';
  delete req.headers['x-forwarded-host'];
  delete req.headers['x-forwarded-port'];
}

// Prisma's query compiler is WebAssembly (4 MB). V8 compiles it with its baseline compiler (Liftoff), then recompiles
// the functions it finds hot with its optimising one (TurboFan) on background threads, whose working memory (65 MB at
// its peak, during the first queries; heaptrack) glibc keeps from then on. Without that second step the idle server
// holds 194-201 MB instead of 238-260, and `npm run bench:api` serves as many requests (245 vs 241 req/s, medians of
// four runs in alternation). Set before the first query compiles the module.
v8.setFlagsFromString('--no-wasm-dynamic-tiering --no-wasm-tier-up');

async function main(): Promise<void> {
  const config = env();
  const database = resolveDatabaseConfig();
  const { applied } = await applyMigrations(database);
  logger.info('database.ready', { provider: database.provider, appliedMigrations: applied });
  const keyring = loadKeyring();
  logger.info('encryption.ready', { source: keyring.source, keyId: keyring.current.id });
  await bootstrapAdministrator();
  const services = await ensureBuiltInServices();
  if (services.created.length > 0 || services.updated.length > 0) logger.info('services.builtins', { ...services });
  const outbox = startOutboxWorker();
  const robot = startRobotPoller();
  const tokenKeeper = startTokenKeeper();
  const retention = startRetentionJob();
  const notifications = startNotificationWatcher();
  const relay = startRelayListener({
    host: config.SWITCHBOARD_RELAY_HOST,
    port: config.SWITCHBOARD_RELAY_PORT,
    tlsPort: config.SWITCHBOARD_RELAY_TLS_PORT ?? null,
    trustedProxies: config.SWITCHBOARD_RELAY_TRUSTED_PROXIES,
    legacyTls: config.SWITCHBOARD_RELAY_LEGACY_TLS,
  });

  const app = next({ dev: false, dir: process.cwd(), hostname: config.HOSTNAME, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const servePrecompressed = precompressedStatic(path.join(process.cwd(), '.next', 'static'));
  const server = http.createServer((req, res) => {
    sanitizeForwardedHeaders(req, config.SWITCHBOARD_TRUST_PROXY);
    if (!servePrecompressed(req, res)) void handle(req, res);
  });
  server.listen(config.PORT, config.HOSTNAME, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info('server.listening', { url: config.SWITCHBOARD_PUBLIC_URL ?? `http://localhost:${port}`, port });
  });

  const stop = (signal: string) => {
    logger.info('server.stopping', { signal });
    server.close(
      () =>
        void Promise.allSettled([
          robot.stop(),
          outbox.stop(),
          tokenKeeper.stop(),
          retention.stop(),
          notifications.stop(),
          relay.stop(),
        ]).finally(() => disconnectDb().finally(() => process.exit(0))),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Switchboard could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
