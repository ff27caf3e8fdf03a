import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createConnectionAction,
  deleteConnectionAction,
  updateConnectionAction,
} from '@/app/(console)/integration/service-connections/connections/actions';
import { buildConnectionSearch, LISTED } from '@/lib/connections/build-connection-search';
import { connectionUsages } from '@/lib/composition/connection-usages';
import { createConnection } from '@/lib/connections/create-connection';
import { getConnections } from '@/lib/connections/get-connections';
import { CONNECTION_SORTS, type ConnectionListParams, defaultDirection } from '@/lib/connections/list-params';
import { wordsOf } from '@/lib/connections/search-terms';
import { readMatches } from '@/lib/connections/search-sql';
import { db } from '@/lib/db/prisma';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { createTenant } from '@/lib/tenants/create-tenant';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from './request-context';

vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./request-context')).nextCacheMock);

async function tenant(name: string) {
  const result = await createTenant({
    name,
    cloud: 'global',
    authorityHost: null,
    graphBaseUrl: null,
    directoryId: `${name.toLowerCase().replace(/\W/g, '')}.onmicrosoft.com`,
    clientId: '11111111-2222-3333-4444-555555555555',
    clientSecret: 'list~secret-value-1234',
    expiresOn: null,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.tenant;
}

const serviceId = async (key: string) => (await db().service.findUniqueOrThrow({ where: { builtInKey: key } })).id;
const list = (params: Partial<ConnectionListParams> & { pageSize?: number }) =>
  getConnections({ page: 1, sort: 'name', direction: 'asc', ...params });
const names = async (params: Partial<ConnectionListParams> & { pageSize?: number }) =>
  (await list(params)).rows.map((r) => r.name);

describe.each(PROVIDERS)('connections on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    await ensureBuiltInServices();
    await signInAsAdministrator();
  });
  afterAll(async () => database.cleanup());

  it('names a new connection "Service - Tenant" unless the administrator typed a name', async () => {
    const contoso = await tenant('Contoso');
    const graph = await serviceId('graph-mail');
    const created = await submit(createConnectionAction, {
      serviceId: graph,
      tenantId: contoso.id,
      name: 'ignored while not customized',
      nameCustomized: 'false',
    });
    const row = await db().serviceConnection.findUniqueOrThrow({
      where: { name: 'Microsoft Entra ID Graph API - Contoso' },
    });
    // Nobody has signed in to this delegated connection yet: Save & Close opens it (issue 10), not the list.
    expect(created.redirectedTo).toBe(`/integration/service-connections/connections/${row.id}?saved=1`);
    expect([row.state, row.nameCustomized, row.serviceName, row.tenantName]).toEqual([
      'not_authenticated',
      false,
      'Microsoft Entra ID Graph API',
      'Contoso',
    ]);

    await submit(createConnectionAction, {
      serviceId: await serviceId('exchange-smtp'),
      tenantId: contoso.id,
      name: '  Helpdesk SMTP  ',
      nameCustomized: 'true',
    });
    // An application connection needs no sign-in: back to the list.
    const application = await submit(createConnectionAction, {
      serviceId: await serviceId('client-credentials'),
      tenantId: contoso.id,
      name: 'Daemon',
      nameCustomized: 'true',
    });
    expect(application.redirectedTo).toBe('/integration/service-connections/connections');
    expect(await db().serviceConnection.count({ where: { name: 'Helpdesk SMTP', nameCustomized: true } })).toBe(1);
    const audit = await db().auditEvent.findMany({ where: { action: 'connection.create' } });
    expect(audit.map((e) => e.summary).sort()).toEqual([
      'Service connection Daemon added',
      'Service connection Helpdesk SMTP added',
      'Service connection Microsoft Entra ID Graph API - Contoso added',
    ]);
  });

  it('refuses an empty name, a duplicate name and a missing service or tenant at their fields; nothing is saved', async () => {
    const contoso = await db().tenant.findUniqueOrThrow({ where: { name: 'Contoso' } });
    const graph = await serviceId('graph-mail');
    const before = await db().serviceConnection.count();
    expect(
      (
        await submit(createConnectionAction, {
          serviceId: graph,
          tenantId: contoso.id,
          name: ' ',
          nameCustomized: 'true',
        })
      ).fieldErrors,
    ).toEqual({ name: 'Enter a name' });
    expect(
      (await submit(createConnectionAction, { serviceId: graph, tenantId: contoso.id, nameCustomized: 'false' }))
        .fieldErrors,
    ).toEqual({ name: 'A connection with this name already exists' });
    expect(
      (
        await submit(createConnectionAction, {
          serviceId: graph,
          tenantId: contoso.id,
          name: 'Helpdesk SMTP',
          nameCustomized: 'true',
        })
      ).fieldErrors,
    ).toEqual({ name: 'A connection with this name already exists' });
    expect(
      (await submit(createConnectionAction, { serviceId: '', tenantId: '', nameCustomized: 'false' })).fieldErrors,
    ).toEqual({ serviceId: 'Choose a service', tenantId: 'Choose a tenant' });
    expect(
      (await submit(createConnectionAction, { serviceId: 'gone', tenantId: contoso.id, nameCustomized: 'false' }))
        .fieldErrors,
    ).toEqual({ serviceId: expect.stringMatching(/no longer exists/) });
    expect(await db().serviceConnection.count()).toBe(before);
  });

  it('moving a connection to another tenant drops its sign-in; its generated name follows', async () => {
    const fabrikam = await tenant('Fabrikam');
    const row = await db().serviceConnection.findUniqueOrThrow({
      where: { name: 'Microsoft Entra ID Graph API - Contoso' },
    });
    await db().serviceConnection.update({
      where: { id: row.id },
      data: {
        state: 'authenticated',
        accountUsername: 'ann@contoso.com',
        tokenCache: 'v1.cipher',
        grantedScopes: 'Mail.Send',
      },
    });
    const result = await submit(updateConnectionAction, {
      id: row.id,
      serviceId: row.serviceId,
      tenantId: fabrikam.id,
      name: row.name,
      nameCustomized: 'false',
    });
    // The move dropped the sign-in: Save & Close opens the connection, Setup Authentication at hand.
    expect(result.redirectedTo).toBe(`/integration/service-connections/connections/${row.id}?saved=1`);
    const moved = await db().serviceConnection.findUniqueOrThrow({ where: { id: row.id } });
    expect([
      moved.name,
      moved.tenantName,
      moved.state,
      moved.accountUsername,
      moved.tokenCache,
      moved.grantedScopes,
    ]).toEqual(['Microsoft Entra ID Graph API - Fabrikam', 'Fabrikam', 'not_authenticated', null, null, null]);
    expect((await db().auditEvent.findFirstOrThrow({ where: { action: 'connection.update' } })).summary).toMatch(
      /sign-in dropped/,
    );
  });

  it('deletes a connection nothing uses', async () => {
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { name: 'Helpdesk SMTP' } });
    expect(await connectionUsages(row.id)).toEqual([]);
    expect((await submit(deleteConnectionAction, { id: row.id })).redirectedTo).toBe(
      '/integration/service-connections/connections',
    );
    expect(await db().serviceConnection.count({ where: { id: row.id } })).toBe(0);
    expect(await db().serviceConnectionTerm.count({ where: { connectionId: row.id } })).toBe(0);
  });

  it('searches, sorts and pages in the database', async () => {
    await db().serviceConnection.deleteMany({});
    const services = {
      graph: await serviceId('graph-mail'),
      smtp: await serviceId('exchange-smtp'),
      m365: await serviceId('m365-mailbox'),
    };
    const tenants = {
      contoso: await db().tenant.findUniqueOrThrow({ where: { name: 'Contoso' } }),
      fabrikam: await db().tenant.findUniqueOrThrow({ where: { name: 'Fabrikam' } }),
      adatum: await tenant('Adatum Corp'),
    };
    const plan: [string, keyof typeof services, keyof typeof tenants][] = [];
    for (let i = 0; i < 30; i += 1)
      plan.push([
        `Mailbox ${String(i).padStart(2, '0')} ${i % 3 === 0 ? 'Sales' : 'Support'}`,
        (['graph', 'smtp', 'm365'] as const)[i % 3] ?? 'graph',
        (['contoso', 'fabrikam', 'adatum'] as const)[i % 2 === 0 ? 0 : i % 5 === 0 ? 2 : 1] ?? 'contoso',
      ]);
    for (const [name, service, owner] of plan) {
      const result = await createConnection({
        serviceId: services[service],
        tenantId: tenants[owner].id,
        name,
        nameCustomized: true,
      });
      expect(result.ok).toBe(true);
    }
    await createConnection({ serviceId: services.graph, tenantId: tenants.adatum.id, name: '', nameCustomized: false });

    const first = await list({ pageSize: 10 });
    expect([first.total, first.pages, first.page]).toEqual([31, 4, 1]);
    expect(first.rows.map((r) => r.name).slice(0, 3)).toEqual([
      'Mailbox 00 Sales',
      'Mailbox 01 Support',
      'Mailbox 02 Support',
    ]);
    const last = await list({ pageSize: 10, page: 4 });
    expect(last.rows.map((r) => r.name)).toEqual(['Microsoft Entra ID Graph API - Adatum Corp']);
    const beyond = await list({ pageSize: 10, page: 9 });
    expect([beyond.page, beyond.rows.length]).toEqual([4, 1]);
    expect((await names({ pageSize: 40, direction: 'desc' }))[0]).toBe('Microsoft Entra ID Graph API - Adatum Corp');

    // Sorting by service and tenant: by their names, then the connection's.
    const byTenant = (await list({ sort: 'tenant', pageSize: 40 })).rows.map((r) => r.tenantName);
    expect(byTenant).toEqual([...byTenant].sort());
    expect(byTenant[0]).toBe('Adatum Corp');
    const byServiceDesc = (await list({ sort: 'service', direction: 'desc', pageSize: 40 })).rows;
    expect(byServiceDesc[0]?.serviceName).toBe('Microsoft Entra ID Graph API');
    expect(byServiceDesc.at(-1)?.serviceName).toBe('Microsoft 365');
    const byUpdated = (await list({ sort: 'updated', direction: 'desc', pageSize: 40 })).rows.map((r) =>
      r.updatedAt.getTime(),
    );
    expect(byUpdated).toEqual([...byUpdated].sort((a, b) => b - a));
    expect((await list({ sort: 'state' })).total).toBe(31);

    // Search: every word starts a word of the name, the service's name or the tenant's name; any case.
    expect(await names({ query: 'sales' })).toEqual(plan.filter(([n]) => n.includes('Sales')).map(([n]) => n));
    expect(await names({ query: 'MAILBOX 07' })).toEqual(['Mailbox 07 Support']);
    expect((await list({ query: 'adatum' })).total).toBe(plan.filter(([, , t]) => t === 'adatum').length + 1);
    expect(await names({ query: 'fab sup' })).toEqual(
      plan.filter(([n, , t]) => t === 'fabrikam' && n.includes('Support')).map(([n]) => n),
    );
    expect((await list({ query: 'graph adatum' })).rows.map((r) => r.name)).toEqual(
      [
        'Microsoft Entra ID Graph API - Adatum Corp',
        ...plan.filter(([, s, t]) => s === 'graph' && t === 'adatum').map(([n]) => n),
      ].sort(),
    );
    expect((await list({ query: 'microsoft' })).total).toBe(31);
    expect((await list({ query: 'ales' })).total).toBe(0);
    expect((await list({ query: 'nothing-like-this' })).rows).toEqual([]);
    const paged = await list({ query: 'support', pageSize: 5, page: 2 });
    expect([paged.total, paged.pages, paged.rows.length]).toEqual([20, 4, 5]);
  });

  it('searches for a word in more names than it lists (the filtered path) alone and with a narrower word', async () => {
    const contoso = await db().tenant.findUniqueOrThrow({ where: { name: 'Contoso' } });
    const smtp = await serviceId('exchange-smtp');
    for (let i = 0; i < LISTED + 10; i += 1) {
      const result = await createConnection({
        serviceId: smtp,
        tenantId: contoso.id,
        name: `Bulk ${String(i).padStart(4, '0')}`,
        nameCustomized: true,
      });
      expect(result.ok).toBe(true);
    }
    const broad = await list({ query: 'bulk', pageSize: 25, page: 9 });
    expect([broad.total, broad.pages, broad.page, broad.rows.length]).toEqual([LISTED + 10, 9, 9, 10]);
    expect(broad.rows[0]?.name).toBe('Bulk 0200');
    expect(await names({ query: 'BULK 007' })).toEqual(Array.from({ length: 10 }, (_, i) => `Bulk 007${i}`));
    expect(await names({ query: 'bulk 007', direction: 'desc', pageSize: 3 })).toEqual([
      'Bulk 0079',
      'Bulk 0078',
      'Bulk 0077',
    ]);
  });

  it('pages searches whose every word is broad exactly as a scan of every connection would, in every order', async () => {
    const contoso = await db().tenant.findUniqueOrThrow({ where: { name: 'Contoso' } });
    const fabrikam = await db().tenant.findUniqueOrThrow({ where: { name: 'Fabrikam' } });
    const [graph, smtp] = await Promise.all([serviceId('graph-mail'), serviceId('exchange-smtp')]);
    // More than LISTED connections of one service and of one tenant, some named after a service ("Relay 007 Graph"
    // at the SMTP service): words then match by service, tenant and name at once.
    for (let i = 0; i < 250; i += 1) {
      const name = `Relay ${String(i).padStart(3, '0')}${i % 7 === 0 ? ' Graph' : ''}`;
      const result = await createConnection({
        serviceId: i % 5 === 0 ? smtp : graph,
        tenantId: (i % 2 === 0 ? contoso : fabrikam).id,
        name,
        nameCustomized: true,
      });
      expect(result.ok).toBe(true);
    }
    const everyone = await db().serviceConnection.findMany({
      select: { name: true, serviceName: true, tenantName: true, state: true, updatedAt: true },
    });
    type Known = (typeof everyone)[number];
    const key: Record<ConnectionListParams['sort'], (c: Known) => string | number> = {
      name: (c) => c.name,
      service: (c) => c.serviceName,
      tenant: (c) => c.tenantName,
      state: (c) => c.state,
      updated: (c) => c.updatedAt.getTime(),
    };
    const expected = (
      query: string,
      sort: ConnectionListParams['sort'],
      direction: ConnectionListParams['direction'],
    ) =>
      everyone
        .filter((c) =>
          wordsOf(query).every((word) =>
            wordsOf(`${c.name} ${c.serviceName} ${c.tenantName}`).some((w) => w.startsWith(word)),
          ),
        )
        .sort((a, b) => {
          const [x, y] = [key[sort](a), key[sort](b)];
          const order = x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
          return direction === 'asc' ? order : -order;
        })
        .map((c) => c.name);

    const queries = [
      'graph',
      'relay',
      'relay graph',
      'contoso',
      'graph contoso',
      'exchange fab',
      'bulk graph',
      'relay 01',
    ];
    for (const query of queries) {
      for (const sort of CONNECTION_SORTS) {
        for (const direction of ['asc', defaultDirection(sort) === 'asc' ? 'desc' : 'asc'] as const) {
          const all = expected(query, sort, direction);
          const pages = Math.max(1, Math.ceil(all.length / 20));
          for (const page of [1, 2, pages, pages + 3]) {
            const got = await list({ query, sort, direction, page, pageSize: 20 });
            const shown = Math.min(page, pages);
            expect([query, sort, direction, page, got.total, got.pages, got.page, got.rows.map((r) => r.name)]).toEqual(
              [query, sort, direction, page, all.length, pages, shown, all.slice((shown - 1) * 20, shown * 20)],
            );
          }
        }
      }
    }
    // Both ways of reading a page (walking the order's index, or sorting what the words' indexes find) agree.
    for (const query of ['graph', 'relay graph', 'graph contoso']) {
      const search = await buildConnectionSearch(query);
      expect(search.kind).toBe('filter');
      if (search.kind !== 'filter') continue;
      for (const sort of CONNECTION_SORTS) {
        const read = (walk: boolean) =>
          readMatches<{ name: string }>(
            search.words,
            { page: 1, sort, direction: 'asc' },
            { columns: ['name'], page: { skip: 5, take: 30 }, walk },
          );
        expect((await read(true)).map((r) => r.name)).toEqual(expected(query, sort, 'asc').slice(5, 35));
        expect((await read(false)).map((r) => r.name)).toEqual(expected(query, sort, 'asc').slice(5, 35));
      }
    }
  });
});
