// Seeds the e2e console's store with a Microsoft 365 connection that Adele has signed in to, the way the console's
// own functions do (tenant, connection, Setup Authentication through the sandbox's pages). Run by
// e2e/email-robot.spec.ts as a child process with the console's SWITCHBOARD_DATA_DIR, so the same database and key.
// Prints one JSON line: { connectionId, connectionName }.
import crypto from 'node:crypto';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { disconnectDb } from '@/lib/db/prisma';
import { db } from '@/lib/db/prisma';
import { completeAuthorization } from '@/lib/entra/complete-authorization';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { createTenant } from '@/lib/tenants/create-tenant';
import { createTenantSchema } from '@/lib/tenants/schemas';
import { BrowserSession } from '../../../../sandbox/testing/browser-session';
import { signInWithPages } from '../../../../sandbox/testing/sign-in-with-pages';

const [controlUrl = '', redirectUri = '', username = '', password = ''] = process.argv.slice(2);

interface SandboxInfo {
  authorityHost: string;
  graphBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

async function main(): Promise<void> {
  const info = (await (await fetch(`${controlUrl}/info`)).json()) as SandboxInfo;
  await ensureBuiltInServices();
  const suffix = crypto.randomBytes(4).toString('hex');
  const tenant = await createTenant(
    createTenantSchema.parse({
      name: `Robot e2e ${suffix}`,
      cloud: 'custom',
      authorityHost: info.authorityHost,
      graphBaseUrl: info.graphBaseUrl,
      directoryId: info.tenantId,
      clientId: info.clientId,
      clientSecret: info.clientSecret,
      expiresOn: '',
    }),
  );
  if (!tenant.ok) throw new Error(JSON.stringify(tenant.fieldErrors));
  const service = await db().service.findUniqueOrThrow({ where: { builtInKey: 'm365-mailbox' } });
  const connection = await createConnection(createConnectionSchema.parse({ serviceId: service.id, tenantId: tenant.tenant.id, name: `Robot mailbox ${suffix}`, nameCustomized: 'true' }));
  if (!connection.ok) throw new Error(JSON.stringify(connection));
  const binding = crypto.randomBytes(16).toString('hex');
  const { url } = await startAuthorization({ connectionId: connection.id, redirectUri, browserBinding: binding });
  const walked = await signInWithPages(new BrowserSession(fetch), url, { username, password });
  const outcome = await completeAuthorization({
    state: walked.params.get('state'),
    code: walked.params.get('code'),
    error: walked.params.get('error'),
    errorDescription: walked.params.get('error_description'),
    browserBinding: binding,
  });
  if (!outcome.ok) throw new Error(`Setup Authentication failed: ${JSON.stringify(outcome)}`);
  process.stdout.write(`${JSON.stringify({ connectionId: connection.id, connectionName: connection.name })}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`seed failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void disconnectDb());
