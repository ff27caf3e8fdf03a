import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setServicePrincipalIdAction } from '@/app/(console)/integration/service-connections/connections/exchange-setup-actions';
import { getExchangeSetup } from '@/lib/composition/get-exchange-setup';
import { db } from '@/lib/db/prisma';
import { updateTenantSchema } from '@/lib/tenants/schemas';
import { updateTenant } from '@/lib/tenants/update-tenant';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { createSandboxConnection } from '../../support/sandbox-connection';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from './request-context';

vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./request-context')).nextCacheMock);

// The Exchange setup panel's data and its one form (the enterprise application's Object ID typed by an administrator),
// run as a form post runs them. No Microsoft call is made, so the tenant only needs to look like one.

const CLIENT_ID = '3c9a4f1e-7b2d-4e85-a6c0-9d1f2e8b5a47';
const FAKE = {
  info: {
    authorityHost: 'https://127.0.0.1:9',
    graphBaseUrl: 'https://127.0.0.1:9',
    tenantId: '5f3c2b9e-8a41-4d7e-9c2a-1b6f0e4d7a31',
    clientId: CLIENT_ID,
    clientSecret: 'Sbx8Q~a-client-secret-for-the-exchange-setup-tests',
  } as Sandbox['info'],
};

describe('Exchange setup (SQLite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    await signInAsAdministrator();
  });
  afterAll(async () => database.cleanup());

  it('offers the setups of the connection’s kind, with its app id and the mailboxes its users name', async () => {
    const app = await createSandboxConnection(FAKE, 'client-credentials');
    await db().robotMailbox.create({
      data: { name: 'Orders', connectionId: app.connectionId, mailboxAddress: 'Orders@Contoso.com' },
    });
    expect(await getExchangeSetup(app.connectionId)).toMatchObject({
      kinds: ['app-only-graph', 'app-only-smtp'],
      mailboxes: ['orders@contoso.com'],
      appId: CLIENT_ID,
      servicePrincipalId: null,
      roles: ['Application Mail.Send', 'Application Mail.ReadWrite'],
      application: true,
    });
    const smtp = await createSandboxConnection(FAKE, 'exchange-smtp');
    expect(await getExchangeSetup(smtp.connectionId)).toMatchObject({ kinds: ['delegated-smtp'], application: false });
    const graph = await createSandboxConnection(FAKE, 'graph-mail');
    expect((await getExchangeSetup(graph.connectionId))?.kinds).toEqual([]);
  });

  it('the Object ID typed must be a GUID (answered at the field); a GUID is kept, lower-cased, and audited', async () => {
    const { connectionId } = await createSandboxConnection(FAKE, 'client-credentials');
    const wrong = await submit(setServicePrincipalIdAction, {
      id: connectionId,
      servicePrincipalId: "x'; Remove-Mailbox",
    });
    expect(wrong).toMatchObject({
      status: 'error',
      fieldErrors: { servicePrincipalId: expect.stringMatching(/as a GUID/) },
    });
    expect((await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).servicePrincipalId).toBe(
      null,
    );

    const typed = ' 6233FBA6-0198-4277-892F-9275BF728BCC ';
    expect(await submit(setServicePrincipalIdAction, { id: connectionId, servicePrincipalId: typed })).toMatchObject({
      status: 'success',
    });
    expect((await getExchangeSetup(connectionId))?.servicePrincipalId).toBe('6233fba6-0198-4277-892f-9275bf728bcc');
    const [audit] = await db().auditEvent.findMany({ where: { action: 'connection.service_principal' } });
    expect(audit).toMatchObject({ outcome: 'success', targetId: connectionId });
  });

  it('another app registration on the tenant forgets the object id and the admin consent', async () => {
    const { connectionId, tenantId } = await createSandboxConnection(FAKE, 'client-credentials');
    await submit(setServicePrincipalIdAction, {
      id: connectionId,
      servicePrincipalId: '6233fba6-0198-4277-892f-9275bf728bcc',
    });
    await db().tenant.update({ where: { id: tenantId }, data: { adminConsentGrantedAt: new Date() } });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const fields = {
      id: tenantId,
      name: tenant.name,
      cloud: 'custom',
      authorityHost: tenant.authorityHost,
      graphBaseUrl: tenant.graphBaseUrl,
      directoryId: tenant.directoryId,
      clientSecret: '',
      expiresOn: '',
    };
    // A rename keeps both.
    expect(
      await updateTenant(updateTenantSchema.parse({ ...fields, name: `${tenant.name} 2`, clientId: CLIENT_ID })),
    ).toMatchObject({ ok: true });
    expect((await getExchangeSetup(connectionId))?.servicePrincipalId).toBe('6233fba6-0198-4277-892f-9275bf728bcc');
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).adminConsentGrantedAt).not.toBeNull();
    // Another Client ID: another enterprise application, another consent.
    expect(
      await updateTenant(
        updateTenantSchema.parse({
          ...fields,
          name: `${tenant.name} 2`,
          clientId: '9d4e6b2a-5c7f-4e18-b3a9-2f6d8c1e0a94',
        }),
      ),
    ).toMatchObject({ ok: true });
    expect((await getExchangeSetup(connectionId))?.servicePrincipalId).toBeNull();
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).adminConsentGrantedAt).toBeNull();
  });

  it('a delegated connection has no enterprise application id to type', async () => {
    const { connectionId } = await createSandboxConnection(FAKE, 'exchange-smtp');
    const answer = await submit(setServicePrincipalIdAction, {
      id: connectionId,
      servicePrincipalId: '6233fba6-0198-4277-892f-9275bf728bcc',
    });
    expect(answer).toMatchObject({ status: 'error', message: expect.stringMatching(/application connection/) });
    expect((await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).servicePrincipalId).toBe(
      null,
    );
  });
});
