import { startSandbox, type Sandbox, type SandboxInfo } from './start-sandbox';

// `npm run sandbox`: starts the Microsoft sandbox and prints, as its FIRST line, one JSON object (SandboxInfo)
// for scripts, then the same values in words to paste into Switchboard.
//
// Environment: SANDBOX_PORT (default 8443), SANDBOX_SMTP_PORT (default 2587), SANDBOX_CONFIG (a JSON file),
// SANDBOX_DATA_DIR (default ./data/sandbox), SANDBOX_REDIRECT_URIS (comma list), SWITCHBOARD_PUBLIC_URL
// (default http://localhost:3000), SANDBOX_VERBOSE=1 (log requests to stderr).

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number from 0 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return value;
}

function describe(info: SandboxInfo, controlUrl: string, redirectUris: string[]): string {
  const users = info.users.map((u) => `    ${u.username.padEnd(36)} ${u.password}`).join('\n');
  return `
Switchboard sandbox is running: Microsoft Entra ID, Microsoft Graph and Exchange SMTP on 127.0.0.1.
Nothing here reaches Microsoft; no Azure account is needed.

Trust the sandbox's certificate authority in the Switchboard process (set it before the process starts):
    NODE_EXTRA_CA_CERTS=${info.caFile}

Integration > Service Connections > Tenants > Add Tenant:
    Cloud            Custom
    Authority host   ${info.authorityHost}
    Graph base URL   ${info.graphBaseUrl}
${info.resources ? `    Graph resource   ${info.resources.graph}\n    Exchange resource ${info.resources.exchange}\n` : ''}    Tenant ID        ${info.tenantId}   (or ${info.tenantDomain})
    Client ID        ${info.clientId}
    Client Secret    ${info.clientSecret}
    Redirect URIs registered for this app:
${redirectUris.map((uri) => `        ${uri}`).join('\n')}

Settings > Global System Settings > Emails (SMTP with Modern Authentication):
    SMTP server      ${info.smtp.host}:${info.smtp.port}   (Use SSL off: STARTTLS)

Sign in to Microsoft (Setup Authentication) as:
${users}

Control API for tests: ${controlUrl}  (see sandbox/README.md). Press Ctrl+C to stop.`;
}

let sandbox: Sandbox;
try {
  sandbox = await startSandbox({
    port: port('SANDBOX_PORT', 8443),
    smtpPort: port('SANDBOX_SMTP_PORT', 2587),
    config: process.env.SANDBOX_CONFIG || undefined,
    dataDir: process.env.SANDBOX_DATA_DIR || undefined,
    log: process.env.SANDBOX_VERBOSE === '1' ? (line) => console.error(line) : undefined,
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/.test(message) ? ' (choose other ports with SANDBOX_PORT and SANDBOX_SMTP_PORT)' : '';
  console.error(`The sandbox could not start: ${message}${hint}`);
  process.exit(1);
}

console.log(JSON.stringify(sandbox.info));
const redirectUris = sandbox.control.redirectUris(sandbox.info.clientId);
console.log(describe(sandbox.info, sandbox.controlUrl, redirectUris));

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
