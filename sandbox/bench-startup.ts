import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSandbox } from './start-sandbox';

// How long the sandbox takes to start (the budget is 2 seconds). Run: npx tsx sandbox/bench-startup.ts
//   cold    first start in an empty data folder (creates the CA, the TLS certificate and the signing key)
//   warm    later starts, reusing them (what tests and `npm run sandbox` normally do)
//   cli     `tsx sandbox/cli.ts` as a new process, until its first line (the JSON) is printed

const BUDGET_MS = 2000;
const root = fileURLToPath(new URL('..', import.meta.url));

async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const sandbox = await startSandbox({ port: 0, smtpPort: 0, dataDir });
  const elapsed = performance.now() - started;
  await sandbox.close();
  return elapsed;
}

function timeCli(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts'], {
    cwd: root,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_SMTP_PORT: '0', SANDBOX_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cli exited with ${code} before printing`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const elapsed = performance.now() - started;
      JSON.parse(line);
      child.removeAllListeners('exit');
      child.once('exit', () => resolve(elapsed));
      child.kill('SIGTERM');
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-sandbox-bench-'));
try {
  const cold = await timeStart(dataDir);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await timeStart(dataDir));
  const cli: number[] = [];
  for (let i = 0; i < 3; i++) cli.push(await timeCli(dataDir));
  const rows = [
    ['cold (creates certificates)', cold],
    ['warm, median of 5', median(warm)],
    ['warm, slowest of 5', Math.max(...warm)],
    ['cli to first line, median of 3', median(cli)],
    ['cli to first line, slowest of 3', Math.max(...cli)],
  ] as const;
  console.log('Sandbox start-up time (budget 2000 ms)');
  for (const [label, value] of rows)
    console.log(`  ${label.padEnd(34)} ${ms(value)}  ${value <= BUDGET_MS ? 'ok' : 'OVER BUDGET'}`);
  process.exitCode = rows.every(([, value]) => value <= BUDGET_MS) ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
