// Builds the Next.js app when its sources changed since the last build (a hash stamp in .next/).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'next.config.ts', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json', 'public', 'prisma/schema.prisma'];

function walk(root, entry, hash) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) {
      if (name === 'generated' || name.endsWith('.test.ts')) continue;
      walk(root, path.join(entry, name), hash);
    }
  } else {
    hash.update(entry).update('\0').update(fs.readFileSync(full));
  }
}

export function buildIfNeeded(root, env) {
  const hash = crypto.createHash('sha256');
  for (const entry of SOURCES) walk(root, entry, hash);
  const current = hash.digest('hex');
  const stampFile = path.join(root, '.next', 'switchboard-source-hash');
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === current;
  if (built) {
    console.log('The build is up to date.');
    return;
  }
  console.log('Building Switchboard (sources changed since the last build)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, current);
}
