import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxInfo } from './start-sandbox';

// `npm run sandbox` as a separate process, and a second Node process that trusts the sandbox only through
// NODE_EXTRA_CA_CERTS: MSAL Node and the Graph client with their default (global fetch) networking.

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-sandbox-cli-'));

let cli: ChildProcess;
let info: SandboxInfo;
let words = '';

beforeAll(async () => {
  // The command exactly as documented: its first line on stdout must be the JSON (the .npmrc keeps npm's banner out).
  cli = spawn('npm', ['run', 'sandbox'], {
    cwd: root,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_SMTP_PORT: '0', SANDBOX_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  const lines = createInterface({ input: cli.stdout as NodeJS.ReadableStream });
  info = await new Promise<SandboxInfo>((resolve, reject) => {
    cli.once('exit', (code) => reject(new Error(`the sandbox CLI exited with ${code}`)));
    let first = true;
    lines.on('line', (line) => {
      if (first) resolve(JSON.parse(line) as SandboxInfo);
      else words += `${line}\n`;
      first = false;
    });
  });
});

afterAll(async () => {
  const exited = new Promise((resolve) => cli.once('exit', resolve));
  // npm and the sandbox under it are one process group.
  if (cli.pid) process.kill(-cli.pid, 'SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const CHILD = `
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
const info = JSON.parse(process.env.SANDBOX_INFO);
const msal = new ConfidentialClientApplication({
  auth: { clientId: info.clientId, clientSecret: info.clientSecret, authority: info.authorityHost + '/' + info.tenantId, knownAuthorities: [new URL(info.authorityHost).host] },
});
const token = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
const graph = Client.init({ baseUrl: info.graphBaseUrl, customHosts: new Set([new URL(info.graphBaseUrl).hostname]), authProvider: (done) => done(null, token.accessToken) });
const user = await graph.api('/users/' + info.users[0].username).get();
console.log(JSON.stringify({ aud: JSON.parse(Buffer.from(token.accessToken.split('.')[1], 'base64url')).aud, upn: user.userPrincipalName }));
`;

function runChild(env: Record<string, string>): Promise<{ stdout: string; stderr: string; failed: boolean }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CHILD],
      { cwd: root, env: { ...process.env, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ stdout, stderr, failed: error !== null }),
    );
  });
}

describe('npm run sandbox', () => {
  it('prints the JSON object first, then the values in words', async () => {
    expect(Object.keys(info)).toEqual([
      'authorityHost',
      'graphBaseUrl',
      'smtp',
      'caFile',
      'tenantId',
      'tenantDomain',
      'clientId',
      'clientSecret',
      'users',
    ]);
    expect(info.authorityHost).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info.caFile).toBe(path.join(dataDir, 'ca.pem'));
    expect(info.users[0]).toEqual({ username: 'adele@contoso.onmicrosoft.com', password: 'Sandbox-Adele-1' });
    await expect.poll(() => words).toContain(`NODE_EXTRA_CA_CERTS=${info.caFile}`);
    expect(words).toContain(`Authority host   ${info.authorityHost}`);
  });

  it('is trusted by MSAL Node and the Graph client in a process started with NODE_EXTRA_CA_CERTS', async () => {
    const trusted = await runChild({ SANDBOX_INFO: JSON.stringify(info), NODE_EXTRA_CA_CERTS: info.caFile });
    expect(trusted.stderr).toBe('');
    expect(JSON.parse(trusted.stdout.trim())).toEqual({
      aud: 'https://graph.microsoft.com',
      upn: 'adele@contoso.onmicrosoft.com',
    });

    const untrusted = await runChild({ SANDBOX_INFO: JSON.stringify(info), NODE_EXTRA_CA_CERTS: '' });
    expect(untrusted.failed).toBe(true);
  });
});
