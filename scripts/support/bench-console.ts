// Shared by `bench:api` and `bench:footprint`: a console started the way users start it (`npm start`, already built)
// on a fresh database with an API key and Email settings pointing at a local SMTP sink, and a load of
// POST /api/v1/messages from concurrent clients.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { hashApiKey } from '@/lib/api-keys/hash-api-key';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db, disconnectDb } from '@/lib/db/prisma';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';
import { countingSink } from './counting-sink.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ADMIN = { email: 'bench@switchboard.test', password: 'Bench-password-1234' };

/** A local SMTP server that accepts everything and only counts: the sink every benchmark sends to. */
export interface Sink {
  port: number;
  received(): number;
  /** SMTP connections opened to it (pooling shows here). */
  connections(): number;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const { server, counts } = countingSink();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as net.AddressInfo).port,
    received: () => counts.received,
    connections: () => counts.connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The same sink in a process of its own (sink-process.mjs), as a mail server is: the SMTP dialogue then crosses
 * processes for every sender alike. In this process a sink shares its event loop with a sender on the main thread,
 * whose every SMTP round trip is then answered without a thread waking up, while a sender in a thread of its own (the
 * outbox's, smtp-sender-thread.ts) wakes the main thread for each one. `received()` and `connections()` are as of
 * the last `settle()`, which asks the sink.
 */
export async function startSinkProcess(): Promise<Sink & { settle(): Promise<void> }> {
  const child = fork(path.join(ROOT, 'scripts/support/sink-process.mjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let received = 0;
  let connections = 0;
  // The sink answers each "count" in the order asked.
  const asked: (() => void)[] = [];
  type Told = { port: number } | { received: number; connections: number };
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The sink process ended (${code}).`)));
    child.on('message', (message: Told) => {
      if ('port' in message) return resolve(message.port);
      ({ received, connections } = message);
      asked.shift()?.();
    });
  });
  return {
    port,
    received: () => received,
    connections: () => connections,
    settle: () =>
      new Promise<void>((resolve) => {
        asked.push(resolve);
        child.send('count');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Prepared {
  env: NodeJS.ProcessEnv;
  apiKey: string;
  provider: string;
  cleanup(): void;
}

/** A fresh SQLite data folder (or DATABASE_URL's empty PostgreSQL database), migrated, with a key and Email settings. */
export async function prepareDatabase(sinkPort: number): Promise<Prepared> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  process.env.SWITCHBOARD_DATA_DIR = dataDir;
  process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';
  const config = resolveDatabaseConfig();
  await applyMigrations(config);
  const input = emailSettingsSchema.parse({
    enabled: 'on',
    connectionType: 'smtp',
    smtpServer: `127.0.0.1:${sinkPort}`,
    smtpAuth: 'none',
    allowUnencrypted: 'on',
    senderAddress: 'bench@contoso.test',
  });
  const saved = await saveEmailSettings(input, ADMIN.email);
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
  const apiKey = `sbk_${crypto.randomBytes(24).toString('base64url')}`;
  await db().apiKey.create({ data: { name: 'bench', prefix: apiKey.slice(0, 12), keyHash: hashApiKey(apiKey) } });
  await disconnectDb();
  const env = {
    ...process.env,
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
    SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
  };
  return {
    env,
    apiKey,
    provider: config.provider,
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface Console {
  url: string;
  child: ChildProcess;
  /** Milliseconds from `npm start` to the first healthy /api/health. */
  startMs: number;
  stop(): Promise<void>;
}

/** Whether any process of the group `-pgid` is left (signal 0 only checks). */
function groupAlive(group: number): boolean {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** `npm start` exactly as a user runs it (the build is made first, outside the timing, when sources changed). */
export async function startConsole(env: NodeJS.ProcessEnv): Promise<Console> {
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!(await healthy(url))) {
    if (exited) throw new Error('npm start exited before /api/health answered');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startMs = performance.now() - started;
  return {
    url,
    child,
    startMs,
    async stop() {
      if (exited) return;
      const group = -(child.pid ?? 0);
      const gone = new Promise((resolve) => child.once('exit', resolve));
      process.kill(group, 'SIGTERM');
      await gone;
      // npm goes first; the server beneath it finishes the deliveries under way (to a sink still open) before it ends.
      const deadline = Date.now() + 30_000;
      while (groupAlive(group) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** Resident memory (kB) of a process and all its descendants, from /proc (Linux). */
export function residentKb(pid: number): { total: number; largest: number } {
  const children = (p: number): number[] => {
    try {
      const list = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      return list ? list.split(/\s+/).map(Number) : [];
    } catch {
      return [];
    }
  };
  const rss = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  let total = 0;
  let largest = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift() ?? 0;
    try {
      const kb = rss(p);
      total += kb;
      largest = Math.max(largest, kb);
    } catch {
      continue;
    }
    queue.push(...children(p));
  }
  return { total, largest };
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: Record<string, number>;
}

/** `clients` loops that each POST one message and wait for the answer, for `seconds`. */
export async function loadMessagesApi(
  url: string,
  apiKey: string,
  clients: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL('/api/v1/messages', url);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const deadline = performance.now() + seconds * 1000;
  let sequence = 0;
  const post = (body: string) =>
    new Promise<number>((resolve) => {
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${apiKey}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', () => resolve(0));
      request.end(body);
    });
  const client = async () => {
    while (performance.now() < deadline) {
      const n = sequence++;
      const body = JSON.stringify({
        to: [`r${n}@example.test`],
        subject: `Message ${n}`,
        text: 'A notification from the benchmark.\n'.repeat(40),
      });
      const t0 = performance.now();
      const status = await post(body);
      latencies.push(performance.now() - t0);
      const kind = status === 0 ? 'connection error' : `HTTP ${status}`;
      if (status !== 202) errors[kind] = (errors[kind] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}
