import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createServiceAction,
  deleteServiceAction,
  resetScopesAction,
  updateScopesAction,
  updateServiceAction,
} from '@/app/(console)/integration/service-connections/services/actions';
import { createConnection } from '@/lib/connections/create-connection';
import { db } from '@/lib/db/prisma';
import { BUILT_IN_SERVICES } from '@/lib/services/built-in-services';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { getServices } from '@/lib/services/get-services';
import { createTenant } from '@/lib/tenants/create-tenant';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from './request-context';

vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./request-context')).nextCacheMock);

async function capability(serviceName: string, key: string) {
  return db().serviceCapability.findFirstOrThrow({ where: { key, service: { name: serviceName } } });
}

describe.each(PROVIDERS)('services on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    await signInAsAdministrator();
  });
  afterAll(async () => database.cleanup());

  it('seeds the four built-ins with the guides’ names, authentication types and scopes', async () => {
    const first = await ensureBuiltInServices();
    expect(first.created).toEqual(BUILT_IN_SERVICES.map((s) => s.name));
    const services = await getServices();
    expect(services.map((s) => [s.name, s.builtInKey, s.authType])).toEqual([
      ['Microsoft Entra ID Exchange', 'exchange-smtp', 'delegated'],
      ['Microsoft Entra ID Graph API', 'graph-mail', 'delegated'],
      ['Microsoft 365', 'm365-mailbox', 'delegated'],
      ['Microsoft Entra ID (Client Credentials)', 'client-credentials', 'application'],
    ]);
    const scopes = Object.fromEntries(
      services.map((s) => [s.name, s.capabilities.map((c) => [c.key, c.scopes, c.optional])]),
    );
    expect(scopes).toEqual({
      'Microsoft Entra ID Exchange': [
        ['smtp', 'offline_access https://outlook.office.com/SMTP.Send', false],
        ['imap', 'https://outlook.office.com/IMAP.AccessAsUser.All', true],
      ],
      'Microsoft Entra ID Graph API': [
        ['graph-send', 'offline_access https://graph.microsoft.com/Mail.Send', false],
        // Issue 10: sending as another mailbox, off by default so the ESMP guide's Mail.Send stays enough.
        ['graph-send-shared', 'https://graph.microsoft.com/Mail.Send.Shared', true],
      ],
      'Microsoft 365': [['graph-mailbox', 'offline_access https://graph.microsoft.com/Mail.ReadWrite.Shared', false]],
      'Microsoft Entra ID (Client Credentials)': [
        ['graph-app', 'https://graph.microsoft.com/.default', false],
        // Issue 14: app-only SMTP (SMTP.SendAsApp is in the Exchange token).
        ['exchange-smtp', 'https://outlook.office365.com/.default', false],
      ],
    });
  });

  it('seeds idempotently, also when two starts race, and keeps an administrator’s scopes', async () => {
    const smtp = await capability('Microsoft Entra ID Exchange', 'smtp');
    const saved = await submit(updateScopesAction, {
      capabilityId: smtp.id,
      scopes: 'offline_access\nhttps://outlook.office.com/SMTP.Send\nhttps://outlook.office.com/POP.AccessAsUser.All',
    });
    expect(saved).toMatchObject({ status: 'success', message: 'Scopes saved.' });

    const again = await Promise.all([ensureBuiltInServices(), ensureBuiltInServices()]);
    expect(again.flatMap((r) => r.created)).toEqual([]);
    expect(await db().service.count()).toBe(4);
    expect(await db().serviceCapability.count()).toBe(7);
    const after = await capability('Microsoft Entra ID Exchange', 'smtp');
    expect(after.scopes).toBe(
      'offline_access https://outlook.office.com/SMTP.Send https://outlook.office.com/POP.AccessAsUser.All',
    );
    expect(after.defaultScopes).toBe('offline_access https://outlook.office.com/SMTP.Send');

    const reset = await submit(resetScopesAction, { capabilityId: smtp.id });
    expect(reset).toMatchObject({ status: 'success' });
    expect((await capability('Microsoft Entra ID Exchange', 'smtp')).scopes).toBe(
      'offline_access https://outlook.office.com/SMTP.Send',
    );
    const events = await db().auditEvent.findMany({
      where: { action: { in: ['service.scopes_update', 'service.scopes_reset'] } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(['service.scopes_reset', 'service.scopes_update']);
  });

  it('refuses scopes with spaces inside, EWS, non-URIs and, for client credentials, anything but /.default: at the field, nothing saved', async () => {
    const smtp = await capability('Microsoft Entra ID Exchange', 'smtp');
    const app = await capability('Microsoft Entra ID (Client Credentials)', 'graph-app');
    const cases: [string, string, RegExp][] = [
      [smtp.id, 'offline_access https://outlook.office.com/SMTP.Send', /each scope on its own line/],
      [smtp.id, 'https://outlook.office365.com/EWS.AccessAsUser.All', /EWS\) is retired in Exchange Online.*Graph/],
      [smtp.id, 'full_access_as_app', /retired in Exchange Online/],
      [smtp.id, 'http://outlook.office.com/SMTP.Send', /https:\/\/ or api:\/\//],
      [smtp.id, 'https://graph.microsoft.com', /resource and a permission/],
      [smtp.id, 'Mail.Send\nmail.send', /listed twice/],
      [smtp.id, '  \n ', /at least one scope/],
      [app.id, 'offline_access', /cannot be used with client credentials/],
      [app.id, 'https://graph.microsoft.com/Mail.Send', /\/\.default/],
    ];
    for (const [capabilityId, scopes, message] of cases) {
      const result = await submit(updateScopesAction, { capabilityId, scopes });
      expect(result.status, scopes).toBe('error');
      expect(result.fieldErrors?.scopes, scopes).toMatch(message);
    }
    expect((await capability('Microsoft Entra ID Exchange', 'smtp')).scopes).toBe(
      'offline_access https://outlook.office.com/SMTP.Send',
    );
    expect((await capability('Microsoft Entra ID (Client Credentials)', 'graph-app')).scopes).toBe(
      'https://graph.microsoft.com/.default',
    );
  });

  it('accepts bare and URI scopes one per line, trimmed, blank lines ignored', async () => {
    const graph = await capability('Microsoft Entra ID Graph API', 'graph-send');
    const result = await submit(updateScopesAction, {
      capabilityId: graph.id,
      scopes:
        ' offline_access \r\n\r\nhttps://graph.microsoft.com/Mail.Send\nUser.Read\napi://11111111-2222-3333-4444-555555555555/access\n',
    });
    expect(result.status).toBe('success');
    expect((await capability('Microsoft Entra ID Graph API', 'graph-send')).scopes).toBe(
      'offline_access https://graph.microsoft.com/Mail.Send User.Read api://11111111-2222-3333-4444-555555555555/access',
    );
  });

  it('adds an administrator’s own service; built-ins cannot be deleted or renamed; a service in use is refused by name', async () => {
    const created = await submit(createServiceAction, {
      name: 'Dynamics mailbox',
      authType: 'delegated',
      description: '',
      scopes: 'offline_access\nhttps://example.crm.dynamics.com/user_impersonation',
    });
    expect(created.redirectedTo).toMatch(/^\/integration\/service-connections\/services\/.+/);
    const custom = await db().service.findUniqueOrThrow({
      where: { name: 'Dynamics mailbox' },
      include: { capabilities: true },
    });
    expect(custom.builtInKey).toBeNull();
    expect(custom.capabilities.map((c) => [c.scopes, c.defaultScopes])).toEqual([
      ['offline_access https://example.crm.dynamics.com/user_impersonation', null],
    ]);

    expect(
      (await submit(createServiceAction, { name: 'Dynamics mailbox', authType: 'delegated', scopes: 'offline_access' }))
        .fieldErrors,
    ).toEqual({ name: 'A service with this name already exists' });
    expect(
      (await submit(createServiceAction, { name: 'microsoft 365', authType: 'delegated', scopes: 'offline_access' }))
        .fieldErrors?.name,
    ).toMatch(/built-in/);
    expect(
      (await submit(createServiceAction, { name: 'App', authType: 'application', scopes: 'offline_access' }))
        .fieldErrors?.scopes,
    ).toMatch(/client credentials/);

    const builtIn = await db().service.findUniqueOrThrow({ where: { builtInKey: 'graph-mail' } });
    expect((await submit(deleteServiceAction, { id: builtIn.id })).message).toMatch(
      /built-in service and cannot be deleted/,
    );
    expect((await submit(updateServiceAction, { id: builtIn.id, name: 'Other' })).message).toMatch(/keep their names/);

    const tenant = await createTenant({
      name: `${provider} svc tenant`,
      cloud: 'global',
      authorityHost: null,
      graphBaseUrl: null,
      directoryId: 'contoso.onmicrosoft.com',
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: 'svc~secret-value-1234',
      expiresOn: null,
    });
    if (!tenant.ok) throw new Error('tenant');
    const connection = await createConnection({
      serviceId: custom.id,
      tenantId: tenant.tenant.id,
      name: '',
      nameCustomized: false,
    });
    expect(connection).toMatchObject({ ok: true, name: `Dynamics mailbox - ${provider} svc tenant` });

    // Renaming the service renames the connection that still has its generated name.
    expect(
      (await submit(updateServiceAction, { id: custom.id, name: 'Dynamics CRM', description: 'CRM' })).status,
    ).toBe('success');
    const renamed = await db().serviceConnection.findFirstOrThrow({ where: { serviceId: custom.id } });
    expect([renamed.name, renamed.serviceName]).toEqual([`Dynamics CRM - ${provider} svc tenant`, 'Dynamics CRM']);

    const refused = await submit(deleteServiceAction, { id: custom.id });
    expect(refused.status).toBe('error');
    expect(refused.message).toContain(`“Dynamics CRM - ${provider} svc tenant”`);
    expect(await db().service.count({ where: { id: custom.id } })).toBe(1);

    await db().serviceConnection.deleteMany({ where: { serviceId: custom.id } });
    expect((await submit(deleteServiceAction, { id: custom.id })).redirectedTo).toBe(
      '/integration/service-connections/services',
    );
    expect(await db().service.count({ where: { id: custom.id } })).toBe(0);
  });
});
