import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type StartSandboxOptions } from '../start-sandbox';
import { createCaFetch } from './ca-fetch';

// A sandbox for one test file: ephemeral ports, its own temporary data folder, a fetch that trusts its CA.
// SANDBOX_VERBOSE=1 logs every request to stderr.

export interface TestSandbox extends Sandbox {
  fetch: typeof fetch;
}

export async function startTestSandbox(
  options: Omit<StartSandboxOptions, 'port' | 'smtpPort' | 'dataDir'> = {},
): Promise<TestSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-sandbox-'));
  const sandbox = await startSandbox({
    // Fixed, so that SWITCHBOARD_PUBLIC_URL or SANDBOX_REDIRECT_URIS in the environment cannot change what tests see.
    publicUrl: 'http://localhost:3000',
    redirectUris: [],
    log: process.env.SANDBOX_VERBOSE === '1' ? (line) => console.error(line) : undefined,
    ...options,
    port: 0,
    smtpPort: 0,
    dataDir,
  });
  return {
    ...sandbox,
    fetch: createCaFetch(sandbox.caPem),
    close: async () => {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
