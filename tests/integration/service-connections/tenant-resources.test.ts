import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { createTenantSchema, updateTenantSchema } from '@/lib/tenants/schemas';
import { updateTenant } from '@/lib/tenants/update-tenant';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';

// Issue 14 §3: a Custom tenant's own resource names. They are checked at their fields; a change of them drops the
// sign-ins (what was consented to and granted names the old APIs) but keeps the client secret (it still goes only to
// the same authority host).

const BASE = {
  name: 'Contoso cloud',
  cloud: 'custom',
  authorityHost: 'https://login.contoso.test',
  graphBaseUrl: 'https://graph-api.contoso.test',
  directoryId: 'contoso.onmicrosoft.com',
  clientId: '3c9a4f1e-7b2d-4e85-a6c0-9d1f2e8b5a47',
  clientSecret: 'secret~value',
  expiresOn: '',
};

function fieldErrors(fields: Record<string, string>): Record<string, string> {
  const parsed = createTenantSchema.safeParse({ ...BASE, ...fields });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe('a Custom tenant’s resource names', () => {
  const suite = sandboxSuite('sqlite');

  it('are https origins, told apart, checked at their fields, and kept only for a Custom cloud', () => {
    expect(fieldErrors({ graphResource: 'http://graph.contoso.test' })).toEqual({
      graphResource:
        'Enter the Graph resource as an https:// origin without a path, such as https://graph.contoso.test',
    });
    expect(fieldErrors({ exchangeResource: 'https://outlook.contoso.test/SMTP.Send' })).toEqual({
      exchangeResource:
        'Enter the Exchange resource as an https:// origin without a path, such as https://outlook.contoso.test',
    });
    expect(fieldErrors({ graphResource: 'not a url' })).toHaveProperty('graphResource');
    expect(
      fieldErrors({ graphResource: 'https://api.contoso.test', exchangeResource: 'https://api.contoso.test/' }),
    ).toEqual({ exchangeResource: 'Graph and Exchange need different resource names' });
    expect(fieldErrors({ graphResource: 'https://outlook.office365.com' })).toEqual({
      exchangeResource: 'Graph and Exchange need different resource names',
    });
    expect(
      createTenantSchema.parse({ ...BASE, graphResource: 'HTTPS://Graph.Contoso.test/', exchangeResource: '' }),
    ).toMatchObject({ graphResource: 'https://graph.contoso.test', exchangeResource: null });
    expect(
      createTenantSchema.parse({ ...BASE, cloud: 'usgov', graphResource: 'https://graph.contoso.test' }),
    ).toMatchObject({ authorityHost: null, graphBaseUrl: null, graphResource: null, exchangeResource: null });
  });

  it('a change of them drops the sign-ins but does not ask for the secret again', async () => {
    const { connectionId, tenantId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    const before = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });

    const form = {
      id: tenantId,
      name: before.name,
      cloud: 'custom',
      authorityHost: before.authorityHost ?? '',
      graphBaseUrl: before.graphBaseUrl ?? '',
      directoryId: before.directoryId,
      clientId: before.clientId,
      expiresOn: '',
    };
    // Saving the same names (blank = the global ones) changes nothing.
    const same = await updateTenant(updateTenantSchema.parse({ ...form, graphResource: '', exchangeResource: '' }));
    expect(same).toMatchObject({ ok: true, signInsDropped: 0, changed: [] });

    const moved = await updateTenant(
      updateTenantSchema.parse({ ...form, graphResource: 'https://graph.contoso-cloud.test', exchangeResource: '' }),
    );
    expect(moved).toMatchObject({
      ok: true,
      signInsDropped: 1,
      changed: ['graphResource'],
      resources: {
        from: 'https://graph.microsoft.com https://outlook.office.com https://outlook.office365.com',
        to: 'https://graph.contoso-cloud.test https://outlook.office.com https://outlook.office365.com',
      },
    });
    const after = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(after.clientSecret).toBe(before.clientSecret);
    expect(after.graphResource).toBe('https://graph.contoso-cloud.test');
    const connection = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(connection).toMatchObject({ state: 'not_authenticated', tokenCache: null, grantedScopes: null });
  });
});
