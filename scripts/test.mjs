// `npm test`: every check the project has, in one command: formatting, type check, lint, unit and integration tests
// (SQLite and PostgreSQL), then end-to-end tests in Chromium. Fails on the first failing stage.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './support/ensure-chromium.mjs';
import { providePostgres } from './support/provide-postgres.mjs';
import { buildIfNeeded } from './support/build-if-needed.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };

// Asynchronous on purpose: when PGlite serves PostgreSQL from this process, it must keep answering meanwhile.
async function stage(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  const status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n✗ ${title} failed (${seconds} s)`);
    await postgres.stop();
    process.exit(status);
  }
  console.log(`✓ ${title} (${seconds} s)`);
}

const only = process.argv.slice(2);
const wants = (name) => only.length === 0 || only.includes(name);

env.CHROMIUM_PATH = ensureChromium();

const postgres = await providePostgres();
env.TEST_POSTGRES_URL = postgres.url;
if (postgres.kind === 'pglite') env.TEST_POSTGRES_PGLITE = '1';
console.log(`PostgreSQL tests run against ${postgres.describe}.`);

try {
  if (wants('format'))
    await stage('Format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  if (wants('typecheck'))
    await stage('Type check (tsc --noEmit, strict)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  if (wants('lint')) await stage('Lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']);
  if (wants('unit')) await stage('Unit and integration tests (vitest, SQLite and PostgreSQL)', bin('vitest'), ['run']);
  if (wants('e2e')) {
    console.log('\n=== Build for end-to-end tests ===');
    buildIfNeeded(root, env);
    fs.rmSync(path.join(root, '.tmp', 'e2e'), { recursive: true, force: true });
    await stage('End-to-end tests (Playwright, Chromium)', bin('playwright'), ['test']);
  }
} finally {
  await postgres.stop();
}
if (postgres.kind === 'pglite') {
  console.error(
    '\n! INCOMPLETE: PostgreSQL ran as PGlite, which has one session, so the tests that need several PostgreSQL sessions' +
      ' (leases, advisory locks, two processes) were skipped. Set TEST_POSTGRES_URL or install PostgreSQL to run them.',
  );
  process.exit(3);
}
console.log('\nAll tests passed.');
