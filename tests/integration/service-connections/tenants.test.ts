import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenantInPlaceAction } from '@/app/(console)/integration/service-connections/connections/actions';
import {
  createTenantAction,
  deleteTenantAction,
  updateTenantAction,
} from '@/app/(console)/integration/service-connections/tenants/actions';
import { createConnection } from '@/lib/connections/create-connection';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { cloudEndpoints } from '@/lib/entra/clouds';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { getTenant } from '@/lib/tenants/get-tenant';
import { getTenants } from '@/lib/tenants/get-tenants';
import { dumpDatabase } from '../../support/dump-database';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from './request-context';

vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./request-context')).nextCacheMock);

const SECRET = 'SB-LEAK-CANARY~tenant-secret-9f3Kq7Zx';
const GOOD = {
  cloud: 'global',
  directoryId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: 'A1B2C3D4-0000-4000-8000-123456789ABC',
  clientSecret: SECRET,
};

// Everything the process writes (log lines included) while the tenant actions run.
const output: string[] = [];
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  const recording = (chunk: unknown, ...rest: unknown[]) => {
    output.push(String(chunk));
    return write(chunk, ...rest);
  };
  vi.spyOn(stream, 'write').mockImplementation(recording as typeof stream.write);
}

describe.each(PROVIDERS)('tenants on %s', (provider) => {
  let database: TestDatabase;
  afterAll(() => {
    expect(output.join('')).not.toContain('SB-LEAK-CANARY');
  });
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    await ensureBuiltInServices();
    await signInAsAdministrator();
  });
  afterAll(async () => database.cleanup());

  it('stores a tenant with its secret encrypted, hinted and dated, and never returns it', async () => {
    const result = await submit(createTenantAction, { name: 'Contoso', ...GOOD, expiresOn: '2031-05-01' });
    expect(result).toEqual({ status: 'success', redirectedTo: '/integration/service-connections/tenants' });
    const row = await db().tenant.findUniqueOrThrow({ where: { name: 'Contoso' } });
    expect(row.clientId).toBe('a1b2c3d4-0000-4000-8000-123456789abc');
    expect(row.clientSecret).not.toContain(SECRET);
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', row.name)).toBe(SECRET);
    expect(row.clientSecretHint).toBe('q7Zx');
    expect(row.clientSecretSetAt).toBeInstanceOf(Date);
    expect(row.clientSecretExpiresAt?.toISOString()).toBe('2031-05-01T00:00:00.000Z');

    for (const read of [await getTenant(row.id), ...(await getTenants())]) {
      expect(read).not.toHaveProperty('clientSecret');
      expect(JSON.stringify(read)).not.toContain(row.clientSecret ?? 'x');
    }
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'tenant.create', targetId: row.id } });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(audit.details).toContain('2031-05-01');
  });

  it('refuses bad GUIDs, an empty name and a duplicate name at their fields; nothing is saved', async () => {
    const before = await db().tenant.count();
    const bad = await submit(createTenantAction, {
      name: '  ',
      cloud: 'global',
      directoryId: 'not a tenant',
      clientId: '1234-5678',
      clientSecret: SECRET,
    });
    expect(bad.status).toBe('error');
    expect(bad.fieldErrors).toMatchObject({
      name: 'Enter a name',
      directoryId: expect.stringMatching(/GUID.*or a verified domain/),
      clientId: expect.stringMatching(/is a GUID/),
    });
    expect(JSON.stringify(bad)).not.toContain(SECRET);

    const duplicate = await submit(createTenantAction, { name: 'Contoso', ...GOOD });
    expect(duplicate.fieldErrors).toEqual({ name: 'A tenant with this name already exists' });
    expect(JSON.stringify(duplicate)).not.toContain(SECRET);

    const secretId = await submit(createTenantAction, {
      name: 'Fabrikam',
      ...GOOD,
      clientSecret: '9b1e7f7e-5c1e-4a5e-9b0e-2f7d0c3b1a11',
    });
    expect(secretId.fieldErrors?.clientSecret).toMatch(/secret’s ID/);
    const noSecret = await submit(createTenantAction, { name: 'Fabrikam', ...GOOD, clientSecret: '' });
    expect(noSecret.fieldErrors?.clientSecret).toMatch(/Enter the client secret/);
    const customWithout = await submit(createTenantAction, {
      name: 'Fabrikam',
      ...GOOD,
      cloud: 'custom',
      authorityHost: 'http://login.test',
    });
    expect(customWithout.fieldErrors).toMatchObject({
      authorityHost: expect.stringMatching(/https/),
      graphBaseUrl: expect.stringMatching(/needs its Graph base URL/),
    });
    expect(await db().tenant.count()).toBe(before);
    expect(
      await db().auditEvent.count({
        where: {
          action: 'tenant.create',
          targetId: { not: (await db().tenant.findUniqueOrThrow({ where: { name: 'Contoso' } })).id },
        },
      }),
    ).toBe(0);
  });

  it('keeps the stored secret when the field is blank on edit, and replaces it when given', async () => {
    const row = await db().tenant.findUniqueOrThrow({ where: { name: 'Contoso' } });
    const kept = await submit(updateTenantAction, {
      id: row.id,
      name: 'Contoso',
      ...GOOD,
      clientSecret: '',
      directoryId: 'contoso.onmicrosoft.com',
    });
    expect(kept.redirectedTo).toBe('/integration/service-connections/tenants');
    const afterKeep = await db().tenant.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterKeep.clientSecret).toBe(row.clientSecret);
    expect(afterKeep.directoryId).toBe('contoso.onmicrosoft.com');
    expect(afterKeep.clientSecretExpiresAt).toBeNull();

    const replacement = 'SB-LEAK-CANARY~replacement-Zz81';
    await submit(updateTenantAction, {
      id: row.id,
      name: 'Contoso',
      ...GOOD,
      clientSecret: replacement,
      directoryId: 'contoso.onmicrosoft.com',
    });
    const afterReplace = await db().tenant.findUniqueOrThrow({ where: { id: row.id } });
    expect(decryptSecret(afterReplace.clientSecret ?? '', 'Tenant.clientSecret', row.name)).toBe(replacement);
    expect(afterReplace.clientSecretHint).toBe('Zz81');
    const update = await db().auditEvent.findFirstOrThrow({
      where: { action: 'tenant.update', summary: { contains: 'client secret replaced' } },
    });
    expect(update.details).toContain('clientSecret');
    expect(update.details).not.toContain(replacement);

    const dump = await dumpDatabase(database);
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(replacement);
    expect(dump).not.toContain('SB-LEAK-CANARY');
  });

  it('creates a tenant in place from Add Service Connection, answering with its id and name only', async () => {
    const result = await submit(createTenantInPlaceAction, {
      name: 'Northwind',
      ...GOOD,
      clientSecret: 'SB-LEAK-CANARY~in-place',
    });
    const row = await db().tenant.findUniqueOrThrow({ where: { name: 'Northwind' } });
    expect(result).toEqual({
      status: 'success',
      message: 'Tenant Northwind added.',
      values: { id: row.id, name: 'Northwind' },
    });
    expect((await submit(createTenantInPlaceAction, { name: 'Northwind', ...GOOD })).fieldErrors).toEqual({
      name: 'A tenant with this name already exists',
    });
  });

  it('refuses to delete a tenant a connection uses, naming the connections; renames follow to generated names', async () => {
    const tenant = await db().tenant.findUniqueOrThrow({ where: { name: 'Northwind' } });
    const graph = await db().service.findUniqueOrThrow({ where: { builtInKey: 'graph-mail' } });
    const smtp = await db().service.findUniqueOrThrow({ where: { builtInKey: 'exchange-smtp' } });
    await createConnection({ serviceId: graph.id, tenantId: tenant.id, name: '', nameCustomized: false });
    await createConnection({ serviceId: smtp.id, tenantId: tenant.id, name: 'Helpdesk mailbox', nameCustomized: true });

    const refused = await submit(deleteTenantAction, { id: tenant.id });
    expect(refused.status).toBe('error');
    expect(refused.message).toBe(
      'The tenant “Northwind” is used by 2 connections: “Helpdesk mailbox”, “Microsoft Entra ID Graph API - Northwind”. Delete those connections or move them to another tenant first.',
    );
    expect(await db().tenant.count({ where: { id: tenant.id } })).toBe(1);
    expect(
      await db().auditEvent.count({ where: { action: 'tenant.delete', outcome: 'failure', targetId: tenant.id } }),
    ).toBe(1);

    await submit(updateTenantAction, { id: tenant.id, name: 'Northwind Traders', ...GOOD, clientSecret: '' });
    const names = (
      await db().serviceConnection.findMany({ where: { tenantId: tenant.id }, orderBy: { name: 'asc' } })
    ).map((c) => [c.name, c.tenantName]);
    expect(names).toEqual([
      ['Helpdesk mailbox', 'Northwind Traders'],
      ['Microsoft Entra ID Graph API - Northwind Traders', 'Northwind Traders'],
    ]);

    await db().serviceConnection.deleteMany({ where: { tenantId: tenant.id } });
    expect((await submit(deleteTenantAction, { id: tenant.id })).redirectedTo).toBe(
      '/integration/service-connections/tenants',
    );
    expect(await db().tenant.count({ where: { id: tenant.id } })).toBe(0);
  });

  it('resolves each cloud’s endpoints, and a Custom cloud’s from the tenant', async () => {
    expect(cloudEndpoints({ cloud: 'global' })).toEqual({
      authorityHost: 'https://login.microsoftonline.com',
      graphBaseUrl: 'https://graph.microsoft.com',
      smtpHost: 'smtp.office365.com:587',
    });
    expect(cloudEndpoints({ cloud: 'usgov-dod' })).toMatchObject({
      authorityHost: 'https://login.microsoftonline.us',
      graphBaseUrl: 'https://dod-graph.microsoft.us',
    });
    expect(cloudEndpoints({ cloud: 'china' })).toMatchObject({
      authorityHost: 'https://login.chinacloudapi.cn',
      graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn',
    });
    const result = await submit(createTenantAction, {
      name: 'Sandbox',
      ...GOOD,
      cloud: 'custom',
      authorityHost: 'https://127.0.0.1:8443/',
      graphBaseUrl: 'https://127.0.0.1:8444',
    });
    expect(result.status).toBe('success');
    const row = await db().tenant.findUniqueOrThrow({ where: { name: 'Sandbox' } });
    expect(cloudEndpoints(row)).toEqual({
      authorityHost: 'https://127.0.0.1:8443',
      graphBaseUrl: 'https://127.0.0.1:8444',
    });
  });
});
