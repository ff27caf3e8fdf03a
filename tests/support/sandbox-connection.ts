import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { completeAuthorization } from '@/lib/entra/complete-authorization';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { createTenant } from '@/lib/tenants/create-tenant';
import { createTenantSchema } from '@/lib/tenants/schemas';
import { type Sandbox, startSandbox } from '../../sandbox/start-sandbox';
import { BrowserSession } from '../../sandbox/testing/browser-session';
import { signInWithPages } from '../../sandbox/testing/sign-in-with-pages';
import { SANDBOX_TLS_DIR } from './sandbox-tls';

// Tenants and connections pointing at a sandbox, created through the same functions the console's forms use,
// and a sign-in walked through the sandbox's pages like a person would.

export const TEST_REDIRECT_URI = 'http://localhost:3999/wm/externalAuth/redirect.html';

export function startTestSandbox(): Promise<Sandbox> {
  return startSandbox({ dataDir: SANDBOX_TLS_DIR, redirectUris: [TEST_REDIRECT_URI] });
}

/** A running sandbox, or just what it says about itself (GET /_sandbox/info) when it runs in another process. */
type SandboxLike = Pick<Sandbox, 'info'>;

export async function createSandboxTenant(
  sandbox: SandboxLike,
  overrides: { clientSecret?: string; directoryId?: string; clientId?: string } = {},
) {
  await ensureBuiltInServices();
  const input = createTenantSchema.parse({
    name: `Sandbox ${crypto.randomBytes(4).toString('hex')}`,
    cloud: 'custom',
    authorityHost: sandbox.info.authorityHost,
    graphBaseUrl: sandbox.info.graphBaseUrl,
    directoryId: overrides.directoryId ?? sandbox.info.tenantId,
    clientId: overrides.clientId ?? sandbox.info.clientId,
    clientSecret: overrides.clientSecret ?? sandbox.info.clientSecret,
    expiresOn: '',
  });
  const result = await createTenant(input);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.tenant;
}

export async function createSandboxConnection(sandbox: SandboxLike, builtInKey: string, tenantOverrides = {}) {
  const tenant = await createSandboxTenant(sandbox, tenantOverrides);
  const service = await db().service.findUniqueOrThrow({ where: { builtInKey } });
  const result = await createConnection(createConnectionSchema.parse({ serviceId: service.id, tenantId: tenant.id }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { connectionId: result.id, tenantId: tenant.id };
}

/** Setup Authentication without a browser: start, walk the sandbox pages, hand the answer to the redirect logic. */
export async function signInConnection(
  connectionId: string,
  person: { username: string; password: string; consent?: 'Accept' | 'Cancel' },
  redirectUri = TEST_REDIRECT_URI,
) {
  const binding = crypto.randomBytes(16).toString('hex');
  const { url } = await startAuthorization({ connectionId, redirectUri, browserBinding: binding });
  const walked = await signInWithPages(new BrowserSession(fetch), url, person);
  const params = walked.params;
  const outcome = await completeAuthorization({
    state: params.get('state'),
    code: params.get('code'),
    error: params.get('error'),
    errorDescription: params.get('error_description'),
    browserBinding: binding,
  });
  return { outcome, params, binding, walked };
}

export const ADELE = { username: 'adele@contoso.onmicrosoft.com', password: 'Sandbox-Adele-1' };
