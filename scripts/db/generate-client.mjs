// npm `postinstall`: generates the Prisma client for SQLite and for PostgreSQL from the one `prisma/schema.prisma`.
// Plain Node ESM (no tsx) so it runs right after install. Fully offline: Prisma would otherwise try to download its
// native schema engine, which `prisma generate` does not even use (see /work/shared/OFFLINE.md, "Prisma 7").
// Idempotent: skipped when the stamp (hash of every input) matches and both clients exist.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DERIVED_DIR,
  PROJECT_ROOT,
  PROVIDERS,
  derivedSchemaPath,
  deriveProviderSchema,
  generatedClientDir,
  readSourceSchema,
  sha256,
} from './provider-schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const STAMP = join(PROJECT_ROOT, 'lib', 'db', 'generated', '.stamp');

/** @param {string} message */
function fail(message) {
  process.stderr.write(`\n[db:generate] FAILED: ${message}\n\n`);
  process.exit(1);
}

/** @param {string} name */
function installedVersion(name) {
  try {
    return /** @type {{ version: string }} */ (require(`${name}/package.json`)).version;
  } catch {
    return null;
  }
}

/** A file for PRISMA_SCHEMA_ENGINE_BINARY: its mere existence stops the download; if anything runs it, it explains. */
function engineStandIn() {
  const path = join(DERIVED_DIR, 'schema-engine-unavailable');
  const message =
    'The native Prisma schema engine is not installed on this machine (offline). Create migrations with ' +
    '`npm run db:migration -- <name>`; the app applies them itself at start-up.';
  // The CLI skips the first stderr line and reads the rest as the engine's JSON log lines.
  const json = JSON.stringify({ level: 'ERROR', target: 'switchboard', fields: { message } });
  const script = ['#!/bin/sh', `echo '${message}' >&2`, `echo '${json}' >&2`, 'exit 1', ''].join('\n');
  if (!existsSync(path) || readFileSync(path, 'utf8') !== script) writeFileSync(path, script);
  chmodSync(path, 0o755);
  return path;
}

function main() {
  const source = readSourceSchema();
  const schemas = PROVIDERS.map((provider) => ({ provider, text: deriveProviderSchema(source, provider) }));
  const prismaVersion = installedVersion('prisma');
  const inputs = [
    ...schemas.map((s) => s.text),
    `prisma@${prismaVersion}`,
    `@prisma/client@${installedVersion('@prisma/client')}`,
    readFileSync(fileURLToPath(import.meta.url), 'utf8'),
    readFileSync(join(here, 'provider-schema.mjs'), 'utf8'),
  ];
  const stamp = sha256(inputs.join('\0'));
  const clientsExist = PROVIDERS.every((p) => existsSync(join(generatedClientDir(p), 'client.ts')));
  if (clientsExist && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === stamp) {
    process.stdout.write('[db:generate] Prisma clients are up to date (schema unchanged).\n');
    return;
  }
  if (!prismaVersion) {
    fail(
      'the `prisma` package is not installed (dev dependency), so the clients cannot be generated. ' +
        'Install with dev dependencies, generate, then prune.',
    );
  }

  mkdirSync(DERIVED_DIR, { recursive: true });
  rmSync(STAMP, { force: true }); // a failure below must not leave a valid-looking stamp behind
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '')
      ? process.env.PRISMA_SCHEMA_ENGINE_BINARY
      : engineStandIn(),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    PRISMA_HIDE_PREVIEW_FLAG_WARNINGS: '1',
    CHECKPOINT_DISABLE: '1', // Prisma's telemetry/update check
    PRISMA_TELEMETRY_INFORMATION: '',
    DO_NOT_TRACK: '1',
  };
  const cli = require.resolve('prisma/build/index.js');
  for (const { provider, text } of schemas) {
    const schemaPath = derivedSchemaPath(provider);
    mkdirSync(dirname(schemaPath), { recursive: true });
    if (!existsSync(schemaPath) || readFileSync(schemaPath, 'utf8') !== text) writeFileSync(schemaPath, text);
    const started = Date.now();
    const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schemaPath], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.error) fail(`could not run prisma generate for ${provider}: ${result.error.message}`);
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      const exit = result.status ?? result.signal;
      fail(`prisma generate for ${provider} exited with ${exit} (schema ${relative(PROJECT_ROOT, schemaPath)})`);
    }
    const outDir = relative(PROJECT_ROOT, generatedClientDir(provider));
    if (!existsSync(join(generatedClientDir(provider), 'client.ts'))) {
      process.stderr.write(result.stdout + result.stderr);
      fail(`prisma generate for ${provider} succeeded but wrote no client.ts in ${outDir}`);
    }
    process.stdout.write(`[db:generate] ${provider}: client generated in ${outDir} (${Date.now() - started} ms)\n`);
  }
  writeFileSync(STAMP, `${stamp}\n`);
}

try {
  main();
} catch (error) {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
