import 'server-only';
import type { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { createRelayServer } from './create-relay-server';
import { acceptProxyV2 } from './proxy-protocol-v2';
import { loadRelayTls } from './load-relay-tls';
import { RELAY_SETTINGS_ID } from './relay-settings-id';

export interface RelayListenerOptions {
  host: string;
  port: number;
  /** Implicit TLS port; null: none. */
  tlsPort: number | null;
  trustedProxies: string[];
  /** Listeners that also accept TLS 1.0/1.1 (SWITCHBOARD_RELAY_LEGACY_TLS). */
  legacyTls?: ('starttls' | 'tls')[];
  /** How often the console's switch (and the certificate) is looked at. */
  pollIntervalMs?: number;
}

export interface RelayListener {
  /** The ports listened on now (port 0 asks the system for one), or null while relaying is off. */
  ports(): { port: number; tlsPort: number | null } | null;
  /** Looks at the settings now, and resolves once the listener matches them. */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_SIZE = 35 * 1024 * 1024;

function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // A client's failed TLS handshake or dropped connection is an 'error' event of the server: noted, never fatal.
      server.on('error', (error: Error & { code?: string }) => {
        logger.warn('relay.connection_error', { code: error.code ?? null, error: error.message });
      });
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

const close = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/**
 * The SMTP relay of this process: listening while an administrator has relaying turned on in the console, closed
 * while it is off. The setting is read every few seconds, so the console's switch (and a new certificate) takes
 * effect without a restart.
 */
export function startRelayListener(options: RelayListenerOptions): RelayListener {
  let running: { servers: SMTPServer[]; certificate: string; port: number; tlsPort: number | null } | null = null;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();

  const apply = async () => {
    const settings = await db().relaySettings.findUnique({ where: { id: RELAY_SETTINGS_ID } });
    const wanted = Boolean(settings?.enabled) && !stopped;
    if (running && (!wanted || settings?.certificatePem !== running.certificate)) {
      await Promise.all(running.servers.map(close));
      running = null;
      logger.info('relay.stopped', {});
    }
    if (!wanted || running) return;
    const tls = await loadRelayTls();
    const largest = await db().relayClient.aggregate({ _max: { maxMessageBytes: true }, where: { enabled: true } });
    const base = {
      tls,
      trustedProxies: options.trustedProxies,
      announcedSize: Math.max(DEFAULT_SIZE, largest._max.maxMessageBytes ?? 0),
    };
    const legacy = options.legacyTls ?? [];
    const plain = acceptProxyV2(
      createRelayServer({ ...base, implicitTls: false, legacyTls: legacy.includes('starttls') }),
      options.trustedProxies,
    );
    const port = await listen(plain, options.port, options.host);
    const servers = [plain];
    let tlsPort: number | null = null;
    if (options.tlsPort !== null) {
      const implicit = acceptProxyV2(
        createRelayServer({ ...base, implicitTls: true, legacyTls: legacy.includes('tls') }),
        options.trustedProxies,
      );
      tlsPort = await listen(implicit, options.tlsPort, options.host);
      servers.push(implicit);
    }
    running = { servers, certificate: tls.cert, port, tlsPort };
    logger.info('relay.listening', { host: options.host, port, tlsPort });
  };

  const refresh = () => {
    chain = chain.then(apply).catch((error: unknown) => {
      logger.error('relay.listener_failed', { error: (error as Error).message });
    });
    return chain;
  };
  const timer = setInterval(() => void refresh(), options.pollIntervalMs ?? 5000);
  timer.unref();
  void refresh();
  return {
    ports: () => (running ? { port: running.port, tlsPort: running.tlsPort } : null),
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await refresh();
    },
  };
}
