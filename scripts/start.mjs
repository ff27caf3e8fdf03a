// `npm start`: build when the sources changed since the last build, then serve (server.ts, compiled at build time).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, SERVER_BUNDLE } from './support/build-if-needed.mjs';
import { serverEnv } from './support/server-env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
buildIfNeeded(root, env);

const child = spawn(process.execPath, ['--import', './scripts/support/register-server-only.mjs', SERVER_BUNDLE], {
  cwd: root,
  env: serverEnv(env),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
