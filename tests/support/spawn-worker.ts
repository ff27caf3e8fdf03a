import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface Worker {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next line the worker prints. */
  nextLine(): Promise<string>;
}

/** Starts a TypeScript file as a separate Node process, the way server.ts runs (server-only shim, tsx). */
export function spawnWorker(script: string, args: string[], env: Record<string, string | undefined>): Worker {
  const child = spawn(
    process.execPath,
    ['--import', './scripts/support/register-server-only.mjs', '--import', 'tsx', script, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
    },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queue.push(line);
  });
  return {
    child,
    nextLine: () =>
      new Promise((resolve, reject) => {
        const queued = queue.shift();
        if (queued !== undefined) return resolve(queued);
        child.once('exit', (code) =>
          reject(new Error(`worker exited (${code}) before printing: ${stderr.slice(-2000)}`)),
        );
        waiting.push(resolve);
      }),
  };
}
