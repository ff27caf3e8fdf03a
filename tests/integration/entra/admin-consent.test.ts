import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testConnection } from '@/lib/composition/test-connection';
import { db } from '@/lib/db/prisma';
import { completeAdminConsent } from '@/lib/entra/complete-admin-consent';
import { decodeJwtClaims } from '@/lib/entra/decode-jwt-claims';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { startAdminConsent } from '@/lib/entra/start-admin-consent';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';
import { verifyTenantSchema } from '@/lib/tenants/schemas';
import { verifyTenantForm } from '@/lib/tenants/verify-tenant-form';
import { BrowserSession } from '../../../sandbox/testing/browser-session';
import {
  ADELE,
  createSandboxConnection,
  createSandboxTenant,
  TEST_REDIRECT_URI,
} from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';

// Grant admin consent (issue 14 §6) against the sandbox: its own state (single use, expiring, bound to the browser
// and the tenant, claimed atomically), the answer told apart from a sign-in's on the same redirect page.

const MEGAN = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };

/** Clicks Grant admin consent, walks Microsoft's pages as `person`, and returns the answer's query and the binding. */
async function grantAdminConsent(tenantId: string, person: { username: string; password: string }, button = 'Accept') {
  const binding = crypto.randomBytes(16).toString('hex');
  const started = await startAdminConsent({
    tenantId,
    redirectUri: TEST_REDIRECT_URI,
    browserBinding: binding,
    administratorId: 'admin-1',
  });
  if (!started.ok) throw new Error(started.message);
  const browser = new BrowserSession(fetch);
  const signIn = await browser.get(started.url);
  const consent = await browser.submit(signIn, { login: person.username, passwd: person.password });
  const answer = await browser.submit(consent, {}, button);
  if (!answer.location) throw new Error(`No redirect: ${answer.html.slice(0, 300)}`);
  const url = new URL(answer.location);
  expect(`${url.origin}${url.pathname}`).toBe(TEST_REDIRECT_URI);
  return { params: url.searchParams, binding, started };
}

function complete(params: URLSearchParams, browserBinding: string | null) {
  return completeAdminConsent({
    state: params.get('state'),
    adminConsent: params.get('admin_consent'),
    tenant: params.get('tenant'),
    error: params.get('error'),
    errorDescription: params.get('error_description'),
    browserBinding,
  });
}

describe.each(PROVIDERS)('Grant admin consent (%s)', (provider) => {
  const suite = sandboxSuite(provider);

  it('asks for the tenant’s v2.0 admin consent with the Graph /.default scope and the registered redirect URI', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const started = await startAdminConsent({
      tenantId: tenant.id,
      redirectUri: TEST_REDIRECT_URI,
      browserBinding: 'b',
      administratorId: 'admin-1',
    });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const url = new URL(started.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      `${suite.sandbox.info.authorityHost}/${suite.sandbox.info.tenantId}/v2.0/adminconsent`,
    );
    expect(url.searchParams.get('client_id')).toBe(suite.sandbox.info.clientId);
    expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(url.searchParams.get('redirect_uri')).toBe(TEST_REDIRECT_URI);
    const state = url.searchParams.get('state') ?? '';
    expect(state.length).toBeGreaterThanOrEqual(40);
    // Only its hash is stored.
    const rows = await db().adminConsentRequest.findMany({ where: { tenantId: tenant.id } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(state);
  });

  it('a declined consent is Entra’s AADSTS65004, and nothing is recorded as granted', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const { params, binding } = await grantAdminConsent(tenant.id, ADELE, 'Cancel');
    const outcome = await complete(params, binding);
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'microsoft',
      tenantId: tenant.id,
      error: { code: 'AADSTS65004' },
    });
    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(row.adminConsentGrantedAt).toBeNull();
  });

  it('a user without an admin role gets AADSTS90094 back', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const { params, binding } = await grantAdminConsent(
      tenant.id,
      MEGAN,
      'Return to the application without granting consent',
    );
    const outcome = await complete(params, binding);
    expect(outcome).toMatchObject({ ok: false, kind: 'microsoft', error: { code: 'AADSTS90094' } });
  });

  it('granted: recorded on the tenant once; a replay, a forged state and another browser are refused', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const { params, binding } = await grantAdminConsent(tenant.id, ADELE);
    expect(params.get('admin_consent')).toBe('True');

    const foreign = await complete(params, crypto.randomBytes(16).toString('hex'));
    expect(foreign).toMatchObject({
      ok: false,
      kind: 'invalid-state',
      reason: expect.stringMatching(/another browser/),
    });
    const noCookie = await complete(params, null);
    expect(noCookie).toMatchObject({ ok: false, kind: 'invalid-state' });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).adminConsentGrantedAt).toBeNull();

    const outcome = await complete(params, binding);
    expect(outcome).toMatchObject({ ok: true, tenantId: tenant.id, directoryId: suite.sandbox.info.tenantId });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).adminConsentGrantedAt).not.toBeNull();

    const replay = await complete(params, binding);
    expect(replay).toMatchObject({ ok: false, kind: 'invalid-state', reason: expect.stringMatching(/already used/) });

    const forged = new URLSearchParams(params);
    forged.set('state', 'forged');
    expect(await complete(forged, binding)).toMatchObject({
      ok: false,
      kind: 'invalid-state',
      reason: expect.stringMatching(/not started by this console/),
    });
  });

  it('an expired state is refused', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const { params, binding } = await grantAdminConsent(tenant.id, ADELE);
    await db().adminConsentRequest.updateMany({
      where: { tenantId: tenant.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await complete(params, binding)).toMatchObject({
      ok: false,
      kind: 'invalid-state',
      reason: expect.stringMatching(/expired/),
    });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).adminConsentGrantedAt).toBeNull();
  });

  it('an answer naming another directory is not recorded for this tenant', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const { params, binding } = await grantAdminConsent(tenant.id, ADELE);
    const other = new URLSearchParams(params);
    other.set('tenant', 'b7e1d0c4-2f6a-4b38-a9d5-6c0e8f31a2d7');
    expect(await complete(other, binding)).toMatchObject({ ok: false, kind: 'other-directory' });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).adminConsentGrantedAt).toBeNull();
  });

  it('two tabs completing the same answer at once: exactly one is accepted', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const { params, binding } = await grantAdminConsent(tenant.id, ADELE);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => complete(params, binding)));
    expect(outcomes.filter((o) => o?.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => o && !o.ok && o.kind === 'invalid-state')).toHaveLength(5);
  });

  it('a sign-in answer is not taken for an admin consent answer', async () => {
    expect(
      await completeAdminConsent({
        state: 'some-sign-in-state',
        adminConsent: null,
        tenant: null,
        error: null,
        errorDescription: null,
        browserBinding: 'b',
      }),
    ).toBeNull();
    expect(
      await completeAdminConsent({
        state: 'unknown',
        adminConsent: 'True',
        tenant: null,
        error: null,
        errorDescription: null,
        browserBinding: 'b',
      }),
    ).toMatchObject({ ok: false, kind: 'invalid-state' });
  });

  it('Test and Verify credentials record the enterprise application’s object id (oid of the app-only token)', async () => {
    const { connectionId, tenantId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    expect((await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).servicePrincipalId).toBe(
      null,
    );
    const result = await testConnection(connectionId);
    expect(result.ok).toBe(true);
    const token = await getAccessToken(connectionId);
    if (!token.ok) throw new Error(token.message);
    const oid = decodeJwtClaims(token.accessToken).oid;
    expect(typeof oid).toBe('string');
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.servicePrincipalId).toBe(String(oid).toLowerCase());
    expect(row.servicePrincipalIdAt).not.toBeNull();

    await db().serviceConnection.update({
      where: { id: connectionId },
      data: { servicePrincipalId: null, servicePrincipalIdAt: null },
    });
    const verified = await verifyTenantCredentials(tenantId);
    expect(verified.ok).toBe(true);
    expect((await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).servicePrincipalId).toBe(
      String(oid).toLowerCase(),
    );

    // Verify credentials on the saved tenant's form (stored secret, same app registration) records it too.
    await db().serviceConnection.update({
      where: { id: connectionId },
      data: { servicePrincipalId: null, servicePrincipalIdAt: null },
    });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const form = await verifyTenantForm(
      verifyTenantSchema.parse({
        id: tenantId,
        name: tenant.name,
        cloud: 'custom',
        authorityHost: tenant.authorityHost,
        graphBaseUrl: tenant.graphBaseUrl,
        directoryId: tenant.directoryId,
        clientId: tenant.clientId,
        clientSecret: '',
        expiresOn: '',
      }),
    );
    expect(form).toMatchObject({ kind: 'verified', ok: true });
    expect((await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).servicePrincipalId).toBe(
      String(oid).toLowerCase(),
    );
  });
});
