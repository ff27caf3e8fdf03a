// npm run demo:seed - a ready tenant (Custom cloud) and connections pointing at a running sandbox
// (`npm run sandbox`), so every flow can be tried without an Azure account. The Emails settings send at once over
// Graph through the client-credentials connection (no one needs to sign in first); the delegated connections,
// and the "Microsoft 365" one for the E-mail Robot, wait for Setup Authentication.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db, disconnectDb } from '@/lib/db/prisma';
import { EMAIL_SETTINGS_ID } from '@/lib/mail/settings/delivery-settings';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';
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
  users: { username: string; password: string }[];
}

const TENANT_NAME = 'Contoso (sandbox)';

function readInfo(url: string, ca: string): Promise<SandboxInfo> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(JSON.parse(body) as SandboxInfo)
            : reject(new Error(`${url} answered ${response.statusCode}`)),
        );
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
  const connections: Record<string, { id: string; name: string }> = {};
  for (const builtInKey of ['exchange-smtp', 'graph-mail', 'm365-mailbox', 'client-credentials']) {
    const service = await db().service.findUniqueOrThrow({ where: { builtInKey } });
    const already = await db().serviceConnection.findFirst({
      where: { serviceId: service.id, tenantId },
      select: { id: true, name: true },
    });
    if (already) connections[builtInKey] = already;
    else {
      const created = await createConnection(createConnectionSchema.parse({ serviceId: service.id, tenantId }));
      if (!created.ok) throw new Error(created.message ?? Object.values(created.fieldErrors ?? {}).join('; '));
      connections[builtInKey] = { id: created.id, name: created.name };
    }
  }
  const appConnection = connections['client-credentials'];
  const mailbox = info.users[0]?.username;
  if (!appConnection || !mailbox) throw new Error('The sandbox has no user to send as.');

  // Emails: Microsoft Graph through the client-credentials connection, as a sandbox mailbox. Settings someone has
  // already turned on are kept.
  const settings = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID }, select: { enabled: true } });
  let emails = 'kept the Emails settings that are turned on';
  if (!settings?.enabled) {
    const input = emailSettingsSchema.parse({
      enabled: 'on',
      connectionType: 'graph',
      connectionId: appConnection.id,
      mailboxAddress: mailbox,
      senderAddress: mailbox,
      senderName: 'Switchboard demo',
    });
    const saved = await saveEmailSettings(input, 'demo:seed');
    if (!saved.ok) throw new Error(`Emails settings refused: ${Object.values(saved.fieldErrors).join('; ')}`);
    emails = `Emails send over Microsoft Graph as ${mailbox} through "${appConnection.name}"`;
  }

  console.log(
    `Tenant "${TENANT_NAME}" points at the sandbox (${info.authorityHost}), with Exchange, Graph API, Microsoft 365 and client-credentials connections; ${emails}.`,
  );
  console.log('Next:');
  console.log(
    `  1. Start the console trusting the sandbox's CA (keep the sandbox running): NODE_EXTRA_CA_CERTS=${caFile} npm start`,
  );
  console.log(
    '  2. Settings → Global System Settings → Emails: Send test email to any address, e.g. someone@example.com.',
  );
  console.log(
    `  3. Connections: open "${connections['graph-mail']?.name}" (or "${connections['m365-mailbox']?.name}" for the E-mail Robot) and click Setup Authentication; sign in as ${mailbox} / ${info.users[0]?.password}.`,
  );
}

main()
  .then(() => disconnectDb())
  .catch(async (error: unknown) => {
    console.error(`Demo seed failed: ${(error as Error).message}`);
    await disconnectDb();
    process.exit(1);
  });
