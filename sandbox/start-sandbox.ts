import path from 'node:path';
import { loadSandboxConfig } from './config/load-sandbox-config';
import type { SandboxConfig } from './config/sandbox-config-schema';
import { controlMount } from './control/control-routes';
import { SandboxControl } from './control/sandbox-control';
import { graphMounts } from './graph/graph-routes';
import { startHttpsEndpoint } from './http/https-endpoint';
import { identityMount } from './identity/identity-routes';
import { TokenSigner } from './identity/token-signer';
import { createSandboxContext } from './sandbox-context';
import { startSmtpEndpoint } from './smtp/smtp-endpoint';
import { ensureCertificates } from './tls/ensure-certificates';

// Starts the Microsoft sandbox: identity platform and Graph on one HTTPS port, Exchange SMTP on another,
// both on 127.0.0.1 only.

export interface StartSandboxOptions {
  /** HTTPS port for the identity platform, Graph and the control API; 0 (default) picks a free one. */
  port?: number;
  /** SMTP (STARTTLS) port; 0 (default) picks a free one. */
  smtpPort?: number;
  /** A configuration object, or the path of a JSON file; default sandbox/default-config.json. */
  config?: SandboxConfig | string;
  /** Where the CA, the server certificate and the signing key are kept; default ./data/sandbox. */
  dataDir?: string;
  /** Redirect URIs added to every app registration; default the comma list in SANDBOX_REDIRECT_URIS. */
  redirectUris?: string[];
  /** Replaces `${SWITCHBOARD_PUBLIC_URL}` in the configuration; default that variable, else http://localhost:3000. */
  publicUrl?: string;
  /** Receives one line per request and every unexpected error; default silent. */
  log?: (line: string) => void;
}

/** What `npm run sandbox` prints as its first line, and what the console needs to use the sandbox. */
export interface SandboxInfo {
  authorityHost: string;
  graphBaseUrl: string;
  smtp: { host: string; port: number };
  caFile: string;
  tenantId: string;
  tenantDomain: string;
  clientId: string;
  clientSecret: string;
  users: { username: string; password: string }[];
  /** The resource names its cloud answers for, when configured (`resources`); absent: Microsoft's global names. */
  resources?: { graph: string; exchange: string };
}

export interface Sandbox {
  info: SandboxInfo;
  /** `${authorityHost}/_sandbox`: the HTTP control API. */
  controlUrl: string;
  /** The CA certificate (PEM) that signed the sandbox's TLS certificate. */
  caPem: string;
  control: SandboxControl;
  close(): Promise<void>;
}

function envList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? (() => undefined);
  const config = loadSandboxConfig(options.config, {
    publicUrl: options.publicUrl ?? process.env.SWITCHBOARD_PUBLIC_URL,
    extraRedirectUris: options.redirectUris ?? envList(process.env.SANDBOX_REDIRECT_URIS),
  });
  const certificates = ensureCertificates(options.dataDir ?? path.resolve('data', 'sandbox'));
  const context = createSandboxContext(config, new TokenSigner(certificates.signing), log);
  const control = new SandboxControl(context);
  // The control API's /info answers once the ports are known.
  const published: { info?: SandboxInfo } = {};

  const https = await startHttpsEndpoint(
    certificates.server,
    options.port ?? 0,
    [...graphMounts(context), controlMount(control, () => published.info), identityMount(context)],
    log,
  );
  const authorityHost = `https://127.0.0.1:${https.port}`;
  context.urls.authorityHost = authorityHost;
  context.urls.graphBaseUrl = authorityHost;
  let smtp;
  try {
    smtp = await startSmtpEndpoint(context, certificates.server, options.smtpPort ?? 0);
  } catch (error) {
    await https.close();
    throw error;
  }

  const tenant = config.tenants[0];
  const app = tenant?.applications[0];
  if (!tenant || !app) throw new Error('The sandbox configuration needs a tenant with an app registration first.');
  const secret = app.secrets.find((s) => Date.parse(s.expiresAt) > Date.now()) ?? app.secrets[0];
  const info: SandboxInfo = {
    authorityHost,
    graphBaseUrl: authorityHost,
    smtp: { host: '127.0.0.1', port: smtp.port },
    caFile: certificates.caFile,
    tenantId: tenant.id,
    tenantDomain: tenant.domain,
    clientId: app.clientId,
    clientSecret: secret?.value ?? '',
    users: tenant.users
      .filter((u) => u.password && u.accountEnabled)
      .map((u) => ({ username: u.userPrincipalName, password: u.password ?? '' })),
    ...(config.resources ? { resources: config.resources } : {}),
  };
  published.info = info;
  return {
    info,
    controlUrl: `${authorityHost}/_sandbox`,
    caPem: certificates.caPem,
    control,
    close: async () => {
      await Promise.all([https.close(), smtp.close()]);
    },
  };
}
