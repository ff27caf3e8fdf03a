// npm run demo:seed - a ready tenant (Custom cloud) and connections pointing at a running sandbox
// (`npm run sandbox`), so every flow can be tried without an Azure account.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db, disconnectDb } from '@/lib/db/prisma';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { createTenant } from '@/lib/tenants/create-tenant';
import { createTenantSchema } from '@/lib/tenants/schemas';
import { tenantSecretFields } from '@/lib/tenants/tenant-secret-fields';

interface SandboxInfo {
  authorityHost: string;
  graphBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

const TENANT_NAME = 'Contoso (sandbox)';

function readInfo(url: string, ca: string): Promise<SandboxInfo> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(body) as SandboxInfo) : reject(new Error(`${url} answered ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.SANDBOX_DATA_DIR || 'data/sandbox');
  const port = process.env.SANDBOX_PORT || '8443';
  const caFile = path.join(dataDir, 'ca.pem');
  if (!fs.existsSync(caFile)) throw new Error(`No sandbox CA at ${caFile}: start the sandbox first (npm run sandbox).`);
  const info = await readInfo(`https://127.0.0.1:${port}/_sandbox/info`, fs.readFileSync(caFile, 'utf8'));

  await applyMigrations(resolveDatabaseConfig());
  await ensureBuiltInServices();
  const existing = await db().tenant.findUnique({ where: { name: TENANT_NAME } });
  let tenantId: string;
  if (existing) {
    await db().tenant.update({
      where: { id: existing.id },
      data: {
        cloud: 'custom',
        authorityHost: info.authorityHost,
        graphBaseUrl: info.graphBaseUrl,
        directoryId: info.tenantId,
        clientId: info.clientId,
        ...tenantSecretFields(info.clientSecret),
      },
    });
    tenantId = existing.id;
  } else {
    const input = createTenantSchema.parse({
      name: TENANT_NAME,
      cloud: 'custom',
      authorityHost: info.authorityHost,
      graphBaseUrl: info.graphBaseUrl,
      directoryId: info.tenantId,
      clientId: info.clientId,
      clientSecret: info.clientSecret,
      expiresOn: '',
    });
    const created = await createTenant(input);
    if (!created.ok) throw new Error(Object.values(created.fieldErrors).join('; '));
    tenantId = created.tenant.id;
  }
  for (const builtInKey of ['exchange-smtp', 'graph-mail', 'client-credentials']) {
    const service = await db().service.findUniqueOrThrow({ where: { builtInKey } });
    const already = await db().serviceConnection.findFirst({ where: { serviceId: service.id, tenantId } });
    if (!already) await createConnection(createConnectionSchema.parse({ serviceId: service.id, tenantId }));
  }
  console.log(`Tenant "${TENANT_NAME}" points at the sandbox (${info.authorityHost}), with Exchange, Graph API and client-credentials connections.`);
  console.log(`Start the console trusting the sandbox's CA: NODE_EXTRA_CA_CERTS=${caFile} npm start`);
  console.log('Then open Integration → Service Connections → Connections and click Setup Authentication.');
}

main()
  .then(() => disconnectDb())
  .catch(async (error: unknown) => {
    console.error(`Demo seed failed: ${(error as Error).message}`);
    await disconnectDb();
    process.exit(1);
  });
