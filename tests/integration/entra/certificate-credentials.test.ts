import { describe, expect, it } from 'vitest';
import { rotateKeys } from '@/lib/composition/rotate-keys';
import { createConnection } from '@/lib/connections/create-connection';
import { loadKeyring } from '@/lib/crypto/load-keyring';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { db } from '@/lib/db/prisma';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { generateCertificate } from '@/lib/tenants/generate-certificate';
import { setTenantCertificate } from '@/lib/tenants/set-tenant-certificate';
import { tenantCertificateFile } from '@/lib/tenants/tenant-certificate-file';
import { decodeJwtClaims } from '../../../sandbox/identity/token-signer';
import { dumpDatabase } from '../../support/dump-database';
import { ADELE, createSandboxTenant, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { createTenant } from '@/lib/tenants/create-tenant';
import { testEmailInput } from '../mail/support/test-email-input';
import { uniqueRecipient } from '../mail/support/unique-recipient';

// A tenant that authenticates with a certificate Switchboard generated, uploaded to the (sandbox) app registration:
// Setup Authentication, refresh, Graph sends delegated and as app, and the refusal of a certificate Microsoft lacks.
// The tenant's client secret is wrong on purpose, so every success proves the certificate was used.

describe('certificate credentials against the sandbox (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  async function certificateTenant(register: boolean) {
    const tenant = await createSandboxTenant(suite.sandbox, { clientSecret: 'not-the-secret-at-all' });
    const material = generateCertificate(`Switchboard ${tenant.name}`, 365);
    const stored = await setTenantCertificate(tenant.id, material);
    expect(stored).toMatchObject({ ok: true, tenant: { credentialType: 'certificate' } });
    if (register) suite.sandbox.control.addCertificate(suite.sandbox.info.clientId, material.certificatePem);
    return { tenantId: tenant.id, material };
  }

  async function connectionOf(tenantId: string, builtInKey: string) {
    const service = await db().service.findUniqueOrThrow({ where: { builtInKey } });
    const result = await createConnection(createConnectionSchema.parse({ serviceId: service.id, tenantId }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  }

  it('signs a mailbox in, refreshes and sends through Graph with a generated certificate', async () => {
    const { tenantId, material } = await certificateTenant(true);
    expect(material.expiresAt.getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);
    const connectionId = await connectionOf(tenantId, 'graph-mail');
    const { outcome } = await signInConnection(connectionId, ADELE);
    expect(outcome).toMatchObject({ ok: true, accountUsername: ADELE.username });
    expect((await getAccessToken(connectionId, { forceRefresh: true })).ok).toBe(true);

    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({ connectionType: 'graph', connectionId, senderAddress: ADELE.username, testRecipient: to }),
      'admin@switchboard.test',
    );
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent' } });
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(1);
  });

  it('gets an app-only token and sends as app with the certificate; Verify credentials says so', async () => {
    const { tenantId } = await certificateTenant(true);
    const connectionId = await connectionOf(tenantId, 'client-credentials');
    const token = await getAccessToken(connectionId, { resource: 'https://graph.microsoft.com', forceRefresh: true });
    expect(token.ok).toBe(true);
    if (!token.ok) return;
    expect(decodeJwtClaims(token.accessToken)).toMatchObject({ idtyp: 'app', appid: suite.sandbox.info.clientId });

    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'graph',
        connectionId,
        mailboxAddress: 'support@contoso.onmicrosoft.com',
        senderAddress: 'support@contoso.onmicrosoft.com',
        testRecipient: to,
      }),
      'admin@switchboard.test',
    );
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent' } });
    expect(await verifyTenantCredentials(tenantId)).toMatchObject({
      ok: true,
      summary: expect.stringMatching(/accepted the Tenant ID, Client ID and certificate/),
    });

    // Key rotation re-encrypts the certificate's private key with the rest, and it still signs.
    const before = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const rotated = await rotateKeys(db(), loadKeyring());
    expect(rotated.failures).toEqual([]);
    const after = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(after.certificatePrivateKey).not.toBe(before.certificatePrivateKey);
    expect((await verifyTenantCredentials(tenantId)).ok).toBe(true);
  });

  it('explains AADSTS700027 for a certificate the app registration does not have', async () => {
    const { tenantId } = await certificateTenant(false);
    const result = await verifyTenantCredentials(tenantId);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AADSTS700027',
        explanation: { fix: expect.stringMatching(/Certificates & secrets → Certificates → Upload certificate/) },
      },
    });
  });

  it('offers the public certificate as .cer (DER) and .pem, and keeps the private key out of the database', async () => {
    const { tenantId, material } = await certificateTenant(false);
    const cer = await tenantCertificateFile(tenantId, 'cer');
    const pem = await tenantCertificateFile(tenantId, 'pem');
    expect(cer?.filename).toMatch(/\.cer$/);
    expect(cer?.body[0]).toBe(0x30); // a DER SEQUENCE
    expect(pem?.body.toString()).toBe(material.certificatePem);
    expect(pem?.body.toString()).not.toContain('PRIVATE KEY');

    const keyBody = material.privateKeyPem.split('\n').slice(1, -2);
    const dump = await dumpDatabase(suite.database);
    expect(dump).toContain(material.thumbprintSha256);
    for (const line of keyBody) expect(dump).not.toContain(line);
    expect(dump).not.toContain('PRIVATE KEY');
  });

  it('says what is missing when a tenant set to use a certificate has none yet', async () => {
    const created = await createTenant({
      name: 'Certificate still to come',
      cloud: 'custom',
      authorityHost: suite.sandbox.info.authorityHost,
      graphBaseUrl: suite.sandbox.info.graphBaseUrl,
      directoryId: suite.sandbox.info.tenantId,
      clientId: suite.sandbox.info.clientId,
      credentialType: 'certificate',
      clientSecret: undefined,
      expiresOn: null,
    });
    if (!created.ok) throw new Error('tenant not created');
    const connectionId = await connectionOf(created.tenant.id, 'client-credentials');
    expect(await getAccessToken(connectionId, { resource: 'https://graph.microsoft.com' })).toMatchObject({
      ok: false,
      message:
        "Tenant 'Certificate still to come' is set to use a certificate but has none. Generate or upload one under Tenants.",
    });
    expect(await verifyTenantCredentials(created.tenant.id)).toMatchObject({
      ok: false,
      error: { description: expect.stringMatching(/set to use a certificate but has none/) },
    });
  });
});
