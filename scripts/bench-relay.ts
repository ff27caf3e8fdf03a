// `npm run bench:relay [-- <messages>]`: the SMTP relay under load. N messages (a share with a 1 MB attachment) from
// M concurrent devices through the relay and the outbox to the sandbox's Exchange, over Microsoft Graph and over SMTP
// with XOAUTH2, each with one SMTP connection per message and with one kept open per device; then the same N sent
// straight to the sandbox's SMTP with nodemailer, the ceiling. Per mode: accepted per second, time to the 250, time
// from the 250 to the message being in the sandbox's mailbox, every message counted there (missing, duplicates), and
// the peak memory of the relay's process (the relay and the outbox worker run in a child process, as server.ts runs
// them; the sandbox and the clients run here). Fresh SQLite database; PostgreSQL when TEST_POSTGRES_URL is set.
// BENCH_CLIENTS (10), BENCH_ATTACHMENT_SHARE (0.1), BENCH_WORKER_CONCURRENCY (10), BENCH_DELIVERY_TIMEOUT_SECONDS (300).
// Pacing (SWITCHBOARD_PACE_*) is set far above the benchmark's rate unless given, and printed.
import { spawn } from 'node:child_process';
import os from 'node:os';
import nodemailer from 'nodemailer';
import { db } from '@/lib/db/prisma';
import { smtpOAuthToken } from '@/lib/mail/transports/smtp/smtp-oauth-token';
import { RELAY_SETTINGS_ID } from '@/lib/mail/relay/relay-settings-id';
import { type Sandbox } from '../sandbox/start-sandbox';
import { ensureCertificates } from '../sandbox/tls/ensure-certificates';
import { saveSettings } from '../tests/integration/mail/support/save-settings';
import { addClient, device } from '../tests/integration/relay/relay-support';
import {
  ADELE,
  createSandboxConnection,
  signInConnection,
  startTestSandbox,
} from '../tests/support/sandbox-connection';
import { SANDBOX_TLS_DIR } from '../tests/support/sandbox-tls';
import { spawnWorker } from '../tests/support/spawn-worker';
import { type Provider, useFreshDatabase } from '../tests/support/use-database';
import {
  figuresOf,
  formatFigures,
  type LoadPlan,
  type PhaseFigures,
  sendLoad,
  watchDelivery,
} from './support/bench-relay-load';

const COUNT = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? process.env.BENCH_MESSAGES ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SHARE = Number(process.env.BENCH_ATTACHMENT_SHARE ?? 0.1);
const WORKER_CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 10);
const TIMEOUT_MS = Number(process.env.BENCH_DELIVERY_TIMEOUT_SECONDS ?? 300) * 1000;
const CONNECTIONS = ['per-message', 'persistent'] as const;
type ConnectionMode = (typeof CONNECTIONS)[number];

// Far above what N messages from M clients can reach, so the benchmark measures the relay, not the pacing: more
// deliveries at once than the worker ever has in flight, and a window's budget larger than any run sends.
const PACING: Record<string, string> = {
  SWITCHBOARD_PACE_SMTP_CONCURRENCY: String(WORKER_CONCURRENCY * 10),
  SWITCHBOARD_PACE_SMTP_PER_WINDOW: '1000000',
  SWITCHBOARD_PACE_SMTP_WINDOW_SECONDS: '60',
  SWITCHBOARD_PACE_GRAPH_CONCURRENCY: String(WORKER_CONCURRENCY * 10),
  SWITCHBOARD_PACE_GRAPH_PER_WINDOW: '1000000',
  SWITCHBOARD_PACE_GRAPH_WINDOW_SECONDS: '60',
};

/**
 * Node reads NODE_EXTRA_CA_CERTS only at start-up: unless it names the sandbox's CA, this script runs itself again with
 * it (as the tests' global setup does), so MSAL, Graph and nodemailer trust the sandbox as a deployment trusts its CA.
 */
async function withSandboxCa(): Promise<boolean> {
  const { caFile } = ensureCertificates(SANDBOX_TLS_DIR);
  if (process.env.NODE_EXTRA_CA_CERTS === caFile) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
  });
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  process.exit(code);
}

/** Points the saved Email settings at the sandbox over `route`; returns the connection used. */
async function useRoute(sandbox: Sandbox, route: 'graph' | 'smtp'): Promise<string> {
  const { connectionId } = await createSandboxConnection(sandbox, route === 'graph' ? 'graph-mail' : 'exchange-smtp');
  const signedIn = await signInConnection(connectionId, ADELE);
  if (!signedIn.outcome.ok) throw new Error(`sign-in to the sandbox failed (${route})`);
  const common = { connectionId, mailboxAddress: ADELE.username, senderAddress: ADELE.username };
  await saveSettings(
    route === 'graph'
      ? { connectionType: 'graph', ...common }
      : {
          connectionType: 'smtp',
          smtpServer: `127.0.0.1:${sandbox.info.smtp.port}`,
          useSsl: 'on',
          confirmSmtpHost: '127.0.0.1',
          smtpAuth: 'oauth',
          ...common,
        },
  );
  return connectionId;
}

const plan = (tag: string): LoadPlan => ({
  count: COUNT,
  clients: CLIENTS,
  attachmentShare: SHARE,
  tag,
  from: ADELE.username,
});

/** One mode through the relay: a fresh relay process, M devices of their own, the load, then every message counted. */
async function throughRelay(sandbox: Sandbox, route: 'graph' | 'smtp', mode: ConnectionMode): Promise<PhaseFigures> {
  const tag = `${route}-${mode}`;
  const devices = await Promise.all(
    Array.from({ length: CLIENTS }, (_, lane) =>
      addClient({
        name: `Bench ${tag} ${lane}`,
        username: `bench-${tag}-${lane}`,
        allowedSenders: ADELE.username,
        ratePerMinute: 10_000,
      }),
    ),
  );
  const relay = spawnWorker('scripts/support/bench-relay-process.ts', [], {
    BENCH_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
  });
  try {
    const [, port, readyBytes] = (await relay.nextLine()).split(' ').map(Number);
    const load = await sendLoad(plan(tag), (lane) => {
      const client = devices[lane]!;
      return device(
        port ?? 0,
        { user: client.username ?? '', pass: client.password ?? '' },
        { pool: mode === 'persistent' },
      );
    });
    const ids = devices.map((d) => d.id);
    const arrived = await watchDelivery(sandbox, load.sent, {
      outstanding: () =>
        db().outboundMessage.count({ where: { relayClientId: { in: ids }, state: { in: ['queued', 'sending'] } } }),
      timeoutMs: TIMEOUT_MS,
    });
    relay.child.stdin.write('stop\n');
    const peak = Number((await relay.nextLine()).split(' ')[1]);
    const figures = figuresOf(`relay ${route} ${mode}`, load, arrived, {
      readyBytes: readyBytes ?? 0,
      peakBytes: peak,
    });
    const states = await db().outboundMessage.groupBy({
      by: ['state'],
      where: { relayClientId: { in: ids } },
      _count: true,
    });
    console.error(`  ${figures.label}: outbox ${states.map((s) => `${s.state} ${s._count}`).join(', ')}`);
    return figures;
  } finally {
    relay.child.kill();
  }
}

/** The ceiling: the same load straight to the sandbox's SMTP with nodemailer and the connection's XOAUTH2 token. */
async function direct(sandbox: Sandbox, connectionId: string, mode: ConnectionMode): Promise<PhaseFigures> {
  const token = await smtpOAuthToken(connectionId, '127.0.0.1');
  if (!token.ok) throw new Error(`no token for the direct run: ${token.outcome.answer}`);
  const options = {
    host: sandbox.info.smtp.host,
    port: sandbox.info.smtp.port,
    secure: false,
    requireTLS: true,
    auth: { type: 'OAuth2' as const, user: ADELE.username, accessToken: token.accessToken },
  };
  const load = await sendLoad(plan(`direct-${mode}`), () =>
    mode === 'persistent'
      ? nodemailer.createTransport({ ...options, pool: true, maxConnections: 1, maxMessages: Infinity })
      : nodemailer.createTransport(options),
  );
  const arrived = await watchDelivery(sandbox, load.sent, { outstanding: null, timeoutMs: TIMEOUT_MS });
  return figuresOf(`nodemailer direct ${mode}`, load, arrived, null);
}

async function main(): Promise<void> {
  if (await withSandboxCa()) return;
  for (const [name, value] of Object.entries(PACING)) process.env[name] ??= value;
  process.env.SWITCHBOARD_LOG_LEVEL ??= 'error';
  const provider: Provider = process.env.TEST_POSTGRES_URL ? 'postgresql' : 'sqlite';
  const database = await useFreshDatabase(provider);
  const sandbox = await startTestSandbox();
  let peakHere = 0;
  const sampler = setInterval(() => (peakHere = Math.max(peakHere, process.memoryUsage.rss())), 100);
  try {
    await db().relaySettings.upsert({
      where: { id: RELAY_SETTINGS_ID },
      create: { id: RELAY_SETTINGS_ID, enabled: true },
      update: { enabled: true },
    });
    const rows: PhaseFigures[] = [];
    let smtpConnection = '';
    for (const route of ['graph', 'smtp'] as const) {
      const connectionId = await useRoute(sandbox, route);
      if (route === 'smtp') smtpConnection = connectionId;
      for (const mode of CONNECTIONS) {
        console.error(`measuring relay ${route} ${mode}…`);
        rows.push(await throughRelay(sandbox, route, mode));
      }
    }
    for (const mode of CONNECTIONS) {
      console.error(`measuring nodemailer direct ${mode}…`);
      rows.push(await direct(sandbox, smtpConnection, mode));
    }
    console.log(
      `${COUNT} messages per mode from ${CLIENTS} concurrent SMTP clients (STARTTLS, a login each), ` +
        `${Math.round(COUNT * SHARE)} of them with a 1 MB attachment; ${provider}; outbox worker concurrency ${WORKER_CONCURRENCY}.`,
    );
    console.log(
      `Pacing set above the benchmark's rate: ${Object.keys(PACING)
        .map((name) => `${name}=${process.env[name]}`)
        .join(' ')}; relay clients at 10000 messages a minute each.`,
    );
    console.log(
      'per-message: a new SMTP connection (TLS, login) for every message; persistent: one connection per client for all ' +
        'its messages. Time to 250 is from sendMail to the answer; to delivered, from the 250 to receivedDateTime in ' +
        'the sandbox mailbox (direct: the sandbox stores before it answers, so about 0). Relay RSS: the peak of the relay process (and its size when ready, before any mail).',
    );
    console.log(formatFigures(rows));
    console.log(
      `This process (sandbox and clients) peaked at ${(peakHere / 1024 / 1024).toFixed(0)} MB RSS. Load average ` +
        `(2-core machine shared with other work): ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
  } finally {
    clearInterval(sampler);
    await sandbox.close();
    await database.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
