import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import { createTestDatabase } from '../tests/support/postgres';
import {
  contextSources,
  copyContext,
  execForm,
  isIgnored,
  readDockerignore,
  readInstructions,
  stageEnv,
} from './support/dockerfile';
import { ROOT } from './support/servers';
import { SERVER_BUNDLE } from '../scripts/support/build-if-needed.mjs';

// No container engine runs here, so the image is tested by its parts: every file the Dockerfile copies from the build
// context exists (and is not left out by .dockerignore), and the image's own start command, run in a clean directory
// holding what the image holds, migrates an empty PostgreSQL database, answers its HEALTHCHECK and stops cleanly on
// the SIGTERM `docker stop` sends to it.

const PORT = Number(process.env.E2E_BASE_PORT ?? 3310) + 2;
const instructions = readInstructions(path.join(ROOT, 'Dockerfile'));
const ignored = readDockerignore(ROOT);
const runtimeStage = Math.max(...instructions.map((i) => i.stage));

test('every file the Dockerfile copies from the build context exists and reaches the context', () => {
  const sources = contextSources(instructions);
  expect(sources).toContain('package-lock.json');
  for (const source of sources) {
    expect(fs.existsSync(path.join(ROOT, source)), source).toBe(true);
    if (source !== '.') expect(isIgnored(source, ignored), `${source} is left out by .dockerignore`).toBe(false);
  }
  // Scripts the RUN steps name are part of the context too.
  for (const run of instructions.filter((i) => i.keyword === 'RUN')) {
    for (const script of run.args.match(/\.?\/?scripts\/[\w/.-]+\.m?[jt]s/g) ?? [])
      expect(fs.existsSync(path.join(ROOT, script)), script).toBe(true);
  }
  expect(instructions.find((i) => i.keyword === 'USER' && i.stage === runtimeStage)?.args).toBe('node');
  expect(instructions.some((i) => i.keyword === 'VOLUME' && i.args.includes('/data'))).toBe(true);
  expect(execForm(instructions, 'HEALTHCHECK').join(' ')).toContain('/api/health');
});

test('the image start command works in a clean directory with DATABASE_URL set', async () => {
  test.setTimeout(180_000);
  const app = path.join(ROOT, '.tmp', 'e2e', 'image', 'app');
  const data = path.join(ROOT, '.tmp', 'e2e', 'image', 'data');
  fs.rmSync(path.dirname(app), { recursive: true, force: true });
  copyContext(ROOT, app, ignored);
  // What the build stage makes: installed packages (linked, they are large), the Prisma client and the Next build.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  fs.cpSync(path.join(ROOT, 'lib', 'db', 'generated'), path.join(app, 'lib', 'db', 'generated'), { recursive: true });
  fs.cpSync(path.join(ROOT, '.next'), path.join(app, '.next'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}cache${path.sep}`),
  });
  fs.mkdirSync(data, { recursive: true });

  const database = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PATH: process.env.PATH ?? '',
    HOME: data,
    ...stageEnv(instructions, runtimeStage),
    SWITCHBOARD_DATA_DIR: data,
    PORT: String(PORT),
    HOSTNAME: '127.0.0.1',
    DATABASE_URL: database.url,
  };
  const [command = '', ...args] = execForm(instructions, 'CMD');
  // The server the build stage made, run by node itself: no build at start, and no npm or start script resident beside
  // it. A process group of its own, so that whatever happens nothing outlives the test.
  expect(args.at(-1)).toBe(SERVER_BUNDLE);
  const child = spawn(command, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`the start command exited (${child.exitCode}):\n${output}`);
          return fetch(`http://127.0.0.1:${PORT}/api/health`).then(
            (r) => r.status,
            () => 0,
          );
        },
        { timeout: 150_000, intervals: [250, 500, 1000] },
      )
      .toBe(200);
    expect(output).toContain('database.ready');
    expect(output).not.toContain('Building Switchboard');
    expect(childProcessesOf(child.pid ?? 0)).toEqual([]);
    const [healthCommand = '', ...healthArgs] = execForm(instructions, 'HEALTHCHECK');
    const check = spawnSync(healthCommand, healthArgs, { cwd: app, env, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    // `docker stop`: SIGTERM to the container's main process only; the server finishes and exits with 0.
    process.kill(child.pid ?? 0, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('server.stopping');
  } finally {
    const group = -(child.pid ?? 0);
    if (child.exitCode === null) process.kill(group, 'SIGTERM');
    await exited;
    // The server gives itself 5 s to finish; a group still there after that is killed, so no console outlives the test.
    const gone = () => {
      try {
        process.kill(group, 0);
        return false;
      } catch {
        return true;
      }
    };
    await expect
      .poll(gone, { timeout: 10_000 })
      .toBe(true)
      .catch(() => process.kill(group, 'SIGKILL'));
    await database.drop();
  }
});

/** The processes whose parent is `pid` (Linux /proc). */
function childProcessesOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // The parent pid is the second field after the command's closing parenthesis.
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
