// The PostgreSQL that `npm test` runs the PostgreSQL tests against, in this order:
// 1. TEST_POSTGRES_URL, when set (CI sets it);
// 2. a throw-away cluster of the machine's own PostgreSQL binaries (Debian's `postgresql` package, installed with
//    apt-get when missing and permitted), on a free loopback port, removed afterwards: a real server, so tests that
//    need several sessions (leases, advisory locks, two processes) run for real;
// 3. PGlite (PostgreSQL compiled to WebAssembly) when neither is possible. PGlite serves one session only, so the
//    multi-session tests cannot run there: they are skipped and the run is reported as incomplete.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPglite } from './start-pglite.mjs';

function findBinDir() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

function tryInstall() {
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) return false;
  console.log("No PostgreSQL binaries found: installing Debian's postgresql package (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) return false;
  }
  return true;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startCluster(binDir) {
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user the package created.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(binDir, cmd), ...args]]
      : [path.join(binDir, cmd), args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-pg-'));
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    dir,
    '-w',
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  return {
    kind: 'cluster',
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    describe: `a temporary PostgreSQL cluster (${binDir}) on 127.0.0.1:${port}`,
    async stop() {
      try {
        run('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function providePostgres() {
  if (process.env.TEST_POSTGRES_URL) {
    return {
      kind: 'configured',
      url: process.env.TEST_POSTGRES_URL,
      describe: `TEST_POSTGRES_URL (${process.env.TEST_POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')})`,
      async stop() {},
    };
  }
  const binDir = findBinDir() ?? (tryInstall() ? findBinDir() : null);
  if (binDir) {
    try {
      return await startCluster(binDir);
    } catch (error) {
      console.warn(`Could not start a temporary PostgreSQL cluster (${error.message}); falling back to PGlite.`);
    }
  }
  const pglite = await startPglite();
  return {
    kind: 'pglite',
    url: pglite.url,
    describe: `PGlite (PostgreSQL in WebAssembly) at ${pglite.url}`,
    stop: () => pglite.stop(),
  };
}
