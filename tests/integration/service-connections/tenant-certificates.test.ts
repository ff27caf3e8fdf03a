import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as downloadCertificate } from '@/app/(console)/integration/service-connections/tenants/[id]/certificate/route';
import {
  createTenantAction,
  updateTenantAction,
} from '@/app/(console)/integration/service-connections/tenants/actions';
import {
  generateCertificateAction,
  setCredentialTypeAction,
  uploadCertificateAction,
} from '@/app/(console)/integration/service-connections/tenants/certificate-actions';
import { db } from '@/lib/db/prisma';
import { createTenant } from '@/lib/tenants/create-tenant';
import { generateCertificate } from '@/lib/tenants/generate-certificate';
import { createTenantSchema } from '@/lib/tenants/schemas';
import { dumpDatabase } from '../../support/dump-database';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from './request-context';

vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./request-context')).nextCacheMock);

// The tenant page's certificate forms as a post runs them: generate, upload PEM or PFX, switch, download; audited
// by thumbprint, the private key never in the audit log, the answer or the database file.

function pfxOf(certificatePem: string, privateKeyPem: string, password: string): string {
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(privateKeyPem),
    [forge.pki.certificateFromPem(certificatePem)],
    password,
    { algorithm: '3des' },
  );
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary').toString('base64');
}

describe('tenant certificates (SQLite)', () => {
  let database: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    await signInAsAdministrator();
    const created = await createTenant(
      createTenantSchema.parse({
        name: 'Certificates',
        cloud: 'global',
        directoryId: 'contoso.onmicrosoft.com',
        clientId: '00000000-0000-4000-8000-000000000123',
        clientSecret: 'Sbx8Q~a-client-secret-for-the-certificate-tests',
        expiresOn: '',
      }),
    );
    if (!created.ok) throw new Error('tenant not created');
    tenantId = created.tenant.id;
  });
  afterAll(async () => database.cleanup());

  it('generates a certificate for the chosen validity, audited by its thumbprint, downloadable as .cer and .pem', async () => {
    const answer = await submit(generateCertificateAction, { id: tenantId, validityDays: '730' });
    expect(answer).toMatchObject({ status: 'success', message: expect.stringMatching(/Certificates & secrets/) });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant.credentialType).toBe('certificate');
    expect((tenant.certificateExpiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(729 * 86_400_000);
    expect(tenant.certificatePrivateKey?.startsWith('sb1.')).toBe(true);

    const [audit] = await db().auditEvent.findMany({ where: { action: 'tenant.certificate.generate' } });
    expect(audit?.details).toContain(tenant.certificateThumbprint ?? 'none');
    expect(audit?.details ?? '').not.toMatch(/PRIVATE KEY|sb1\./);

    const request = (format: string) => new Request(`http://localhost/x?format=${format}`);
    const cer = await downloadCertificate(request('cer'), { params: Promise.resolve({ id: tenantId }) });
    expect(cer.headers.get('content-disposition')).toMatch(/\.cer"$/);
    const der = Buffer.from(await cer.arrayBuffer());
    expect(new X509Certificate(der).toString()).toBe(tenant.certificatePem);
    const pem = await downloadCertificate(request('pem'), { params: Promise.resolve({ id: tenantId }) });
    expect(await pem.text()).toBe(tenant.certificatePem);
  });

  it('uploads a PEM with its key, refuses a key of another certificate', async () => {
    const mine = generateCertificate('Uploaded PEM', 365);
    const other = generateCertificate('Other', 365);
    const refused = await submit(uploadCertificateAction, {
      id: tenantId,
      format: 'pem',
      keyFile: mine.certificatePem + other.privateKeyPem,
    });
    expect(refused).toMatchObject({ status: 'error', message: 'The private key does not belong to the certificate.' });
    expect(JSON.stringify(refused)).not.toContain('PRIVATE KEY');

    const accepted = await submit(uploadCertificateAction, {
      id: tenantId,
      format: 'pem',
      keyFile: mine.certificatePem + mine.privateKeyPem,
    });
    expect(accepted.status).toBe('success');
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant.certificateThumbprint).toBe(mine.thumbprintSha256);
  });

  it('uploads a PFX with its password, and says so when the password is wrong', async () => {
    const mine = generateCertificate('Uploaded PFX', 365);
    const pfx = pfxOf(mine.certificatePem, mine.privateKeyPem, 'pfx-pass');
    expect(
      await submit(uploadCertificateAction, { id: tenantId, format: 'pfx', keyFile: pfx, pfxPassword: 'wrong' }),
    ).toMatchObject({ status: 'error', message: expect.stringMatching(/password is wrong/) });
    expect(
      await submit(uploadCertificateAction, { id: tenantId, format: 'pfx', keyFile: pfx, pfxPassword: 'pfx-pass' }),
    ).toMatchObject({ status: 'success' });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant.certificateThumbprint).toBe(mine.thumbprintSha256);

    const dump = await dumpDatabase(database);
    for (const line of mine.privateKeyPem.split('\n').slice(1, -2)) expect(dump).not.toContain(line);
  });

  it('switches back to the client secret and to the certificate again', async () => {
    expect(await submit(setCredentialTypeAction, { id: tenantId, credentialType: 'secret' })).toMatchObject({
      status: 'success',
    });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).credentialType).toBe('secret');
    await submit(setCredentialTypeAction, { id: tenantId, credentialType: 'certificate' });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).credentialType).toBe('certificate');
  });

  it('adds a tenant that will use a certificate without a secret, and continues on its page', async () => {
    const fields = {
      name: 'Certificate first',
      cloud: 'global',
      directoryId: 'fabrikam.onmicrosoft.com',
      clientId: '00000000-0000-4000-8000-000000000456',
      clientSecret: '',
      expiresOn: '',
    };
    expect(await submit(createTenantAction, { ...fields, credentialType: 'secret' })).toMatchObject({
      status: 'error',
      fieldErrors: { clientSecret: 'Enter the client secret’s Value' },
    });
    const answer = await submit(createTenantAction, { ...fields, credentialType: 'certificate' });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { name: 'Certificate first' } });
    expect(answer.redirectedTo).toBe(`/integration/service-connections/tenants/${tenant.id}`);
    expect(tenant).toMatchObject({ credentialType: 'certificate', clientSecret: null, certificatePem: null });
  });

  it('lets a certificate tenant move to another sign-in host without a secret, dropping the stored one', async () => {
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant.credentialType).toBe('certificate');
    expect(tenant.clientSecret).not.toBeNull();
    const answer = await submit(updateTenantAction, {
      id: tenantId,
      name: tenant.name,
      cloud: 'custom',
      authorityHost: 'https://login.contoso.test',
      graphBaseUrl: 'https://graph.contoso.test',
      directoryId: tenant.directoryId,
      clientId: tenant.clientId,
      clientSecret: '',
      expiresOn: '',
    });
    expect(answer.redirectedTo).toBe('/integration/service-connections/tenants');
    const moved = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(moved).toMatchObject({ authorityHost: 'https://login.contoso.test', clientSecret: null });
    expect(moved.certificatePrivateKey).toBe(tenant.certificatePrivateKey);
  });
});
