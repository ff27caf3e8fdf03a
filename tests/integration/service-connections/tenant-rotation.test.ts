import { describe, expect, it, vi } from 'vitest';
import {
  addPendingGeneratedCertificateAction,
  addPendingSecretAction,
  cancelPendingCredentialAction,
  dismissRotationReminderAction,
  switchToPendingCredentialAction,
  verifyPendingCredentialAction,
} from '@/app/(console)/integration/service-connections/tenants/rotation-actions';
import { rotateKeys } from '@/lib/composition/rotate-keys';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { loadKeyring } from '@/lib/crypto/load-keyring';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { getTenantRotation } from '@/lib/tenants/get-tenant-rotation';
import { tenantCredentialExpiry } from '@/lib/tenants/secret-expiry';
import { setPendingCredential } from '@/lib/tenants/set-pending-credential';
import { switchToPendingCredential } from '@/lib/tenants/switch-to-pending-credential';
import { tenantCertificateFile } from '@/lib/tenants/tenant-certificate-file';
import { verifyPendingCredential } from '@/lib/tenants/verify-pending-credential';
import { dumpDatabase } from '../../support/dump-database';
import { ADELE, createSandboxTenant, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';
import { testEmailInput } from '../mail/support/test-email-input';
import { uniqueRecipient } from '../mail/support/unique-recipient';
import { signInAsAdministrator, submit } from './request-context';

vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./request-context')).nextCacheMock);

// Rotate credential as an administrator drives it (the tenant page's actions) against the sandbox, where an app holds
// several secrets at once as in Entra: the new credential waits encrypted and unused, is verified, switched to in one
// conditional step, and the old one can then be deleted in "Azure" without a single failed send.

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const SUPPORT = 'support@contoso.onmicrosoft.com';

describe.each(PROVIDERS)('Rotate credential on %s', (provider) => {
  const suite = sandboxSuite(provider);

  /** A tenant whose current secret is one the sandbox app holds besides its default one, so it can be deleted. */
  async function rotatingTenant() {
    await signInAsAdministrator();
    const old = suite.sandbox.control.addClientSecret(suite.sandbox.info.clientId);
    const tenant = await createSandboxTenant(suite.sandbox, { clientSecret: old.value });
    return { tenantId: tenant.id, old };
  }

  async function connectionOf(tenantId: string, builtInKey: string) {
    const service = await db().service.findUniqueOrThrow({ where: { builtInKey } });
    const result = await createConnection(createConnectionSchema.parse({ serviceId: service.id, tenantId }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  }

  async function sendAsApp(connectionId: string) {
    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'graph',
        connectionId,
        mailboxAddress: SUPPORT,
        senderAddress: SUPPORT,
        testRecipient: to,
      }),
      'admin@switchboard.test',
    );
    return { sent, delivered: suite.sandbox.control.readMailbox(to).length };
  }

  it('keeps the new secret encrypted and unused until the switch', async () => {
    const { tenantId, old } = await rotatingTenant();
    const next = suite.sandbox.control.addClientSecret(suite.sandbox.info.clientId);
    const added = await submit(addPendingSecretAction, {
      id: tenantId,
      clientSecret: next.value,
      expiresOn: inDays(90),
    });
    expect(added).toMatchObject({ status: 'success' });
    expect(JSON.stringify(added)).not.toContain(next.value);

    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(row.pendingClientSecret?.startsWith('sb1.')).toBe(true);
    expect(decryptSecret(row.pendingClientSecret ?? '', 'Tenant.pendingClientSecret', row.name)).toBe(next.value);
    expect(row.pendingClientSecretHint).toBe(next.value.slice(-4));
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', row.name)).toBe(old.value);
    const dump = await dumpDatabase(suite.database);
    expect(dump).not.toContain(next.value);
    expect(dump).not.toContain(old.value);

    // Deleting the old secret in "Azure" before the switch breaks the tenant: the pending one was not in use.
    suite.sandbox.control.removeClientSecret(suite.sandbox.info.clientId, old.value);
    expect(await verifyTenantCredentials(tenantId)).toMatchObject({ ok: false, error: { code: 'AADSTS7000215' } });

    // Key rotation re-encrypts the pending secret with the rest.
    const rotated = await rotateKeys(db(), loadKeyring());
    expect(rotated.failures).toEqual([]);
    const after = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(after.pendingClientSecret).not.toBe(row.pendingClientSecret);
    expect((await verifyPendingCredential(tenantId)).kind).toBe('verified');
  });

  it('refuses an expiry beyond two years at the field, and a blank Value', async () => {
    const { tenantId } = await rotatingTenant();
    const tooLate = await submit(addPendingSecretAction, {
      id: tenantId,
      clientSecret: 'Sbx8Q~a-new-secret-value-for-the-expiry-check',
      expiresOn: inDays(2 * 366 + 1),
    });
    expect(tooLate).toMatchObject({
      status: 'error',
      fieldErrors: { expiresOn: expect.stringMatching(/caps a new client secret at two years.*advises shorter/) },
    });
    expect(JSON.stringify(tooLate)).not.toContain('a-new-secret-value');
    const blank = await submit(addPendingSecretAction, { id: tenantId, clientSecret: '', expiresOn: inDays(90) });
    expect(blank.fieldErrors?.clientSecret).toMatch(/Value/);
    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(row.pendingCredentialType).toBeNull();
  });

  it('explains a wrong new secret with the AADSTS text and refuses to switch to it', async () => {
    const { tenantId, old } = await rotatingTenant();
    const wrong = 'Sbx8Q~not-a-secret-this-app-has-at-all-000';
    await submit(addPendingSecretAction, { id: tenantId, clientSecret: wrong, expiresOn: inDays(60) });

    const refusedSwitch = await submit(switchToPendingCredentialAction, { id: tenantId });
    expect(refusedSwitch).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Verify the new credential/),
    });

    const verified = await submit(verifyPendingCredentialAction, { id: tenantId });
    expect(verified).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/AADSTS7000215.*What it means: .*How to fix it: /s),
    });
    expect(verified.message).not.toContain(wrong);
    const switched = await submit(switchToPendingCredentialAction, { id: tenantId });
    expect(switched).toMatchObject({ status: 'error', message: expect.stringMatching(/Verify the new credential/) });

    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', row.name)).toBe(old.value);
    expect(row.pendingVerifyError).toMatch(/AADSTS7000215/);
    expect((await getTenantRotation(tenantId))?.pending).toMatchObject({ verifiedAt: null, verifyError: /7000215/ });

    const cancelled = await submit(cancelPendingCredentialAction, { id: tenantId });
    expect(cancelled).toMatchObject({ status: 'success' });
    const after = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(after.pendingClientSecret).toBeNull();
    expect(after.pendingCredentialType).toBeNull();
  });

  it('switches credentials without a failed send: verify, switch, delete the old secret, keep sending', async () => {
    const { tenantId, old } = await rotatingTenant();
    const appConnection = await connectionOf(tenantId, 'client-credentials');
    const userConnection = await connectionOf(tenantId, 'graph-mail');
    expect((await signInConnection(userConnection, ADELE)).outcome).toMatchObject({ ok: true });
    expect(await sendAsApp(appConnection)).toMatchObject({
      sent: { ok: true, result: { state: 'sent' } },
      delivered: 1,
    });

    const next = suite.sandbox.control.addClientSecret(suite.sandbox.info.clientId, {
      expiresAt: new Date(Date.now() + 20 * DAY).toISOString(),
    });
    await submit(addPendingSecretAction, { id: tenantId, clientSecret: next.value, expiresOn: inDays(20) });
    // Meanwhile the current secret keeps serving.
    expect(await sendAsApp(appConnection)).toMatchObject({ sent: { ok: true }, delivered: 1 });
    expect(await submit(verifyPendingCredentialAction, { id: tenantId })).toMatchObject({
      status: 'success',
      message: expect.stringMatching(/accepted the Tenant ID, Client ID and Client Secret/),
    });
    expect(await submit(switchToPendingCredentialAction, { id: tenantId })).toMatchObject({ status: 'success' });

    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', row.name)).toBe(next.value);
    expect(row).toMatchObject({
      clientSecretHint: next.value.slice(-4),
      pendingClientSecret: null,
      pendingVerifiedAt: null,
    });
    // The expiry radar follows the new secret.
    expect(tenantCredentialExpiry(row)).toMatchObject({ level: 'soon', days: 20 });
    // Of the old secret only what Azure shows of it is kept, for the reminder.
    expect((await getTenantRotation(tenantId))?.retired).toMatchObject({ kind: 'secret', hint: old.value.slice(0, 3) });
    expect(await dumpDatabase(suite.database)).not.toContain(old.value);

    // The administrator deletes the old secret in Azure: application tokens, the signed-in mailbox's refresh (its
    // refresh token belongs to the app, not to one secret) and Verify credentials all go on with the new one.
    suite.sandbox.control.removeClientSecret(suite.sandbox.info.clientId, old.value);
    expect(await sendAsApp(appConnection)).toMatchObject({
      sent: { ok: true, result: { state: 'sent' } },
      delivered: 1,
    });
    expect(await getAccessToken(userConnection, { forceRefresh: true })).toMatchObject({ ok: true });
    expect(await verifyTenantCredentials(tenantId)).toMatchObject({ ok: true });

    expect(await submit(dismissRotationReminderAction, { id: tenantId })).toMatchObject({ status: 'success' });
    expect((await getTenantRotation(tenantId))?.retired).toBeNull();

    const audits = await db().auditEvent.findMany({
      where: { action: { startsWith: 'tenant.credential.rotate.' }, targetId: tenantId },
    });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'tenant.credential.rotate.add',
      'tenant.credential.rotate.dismiss',
      'tenant.credential.rotate.switch',
      'tenant.credential.rotate.verify',
    ]);
    for (const audit of audits) {
      const text = JSON.stringify(audit);
      expect(text).not.toContain(next.value);
      expect(text).not.toContain(old.value);
      expect(text).not.toContain('sb1.');
    }
  });

  it('rotates a secret to a generated certificate, refused (AADSTS700027) until Azure has it', async () => {
    const { tenantId, old } = await rotatingTenant();
    const appConnection = await connectionOf(tenantId, 'client-credentials');
    await submit(addPendingGeneratedCertificateAction, { id: tenantId, validityDays: '180' });
    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(row.pendingCertificatePrivateKey?.startsWith('sb1.')).toBe(true);
    expect(await dumpDatabase(suite.database)).not.toContain('PRIVATE KEY');
    // Its public part is offered for upload to Azure before the switch; the current download is unchanged (none).
    const file = await tenantCertificateFile(tenantId, 'pem', 'pending');
    expect(file?.body.toString()).toBe(row.pendingCertificatePem);
    expect(await tenantCertificateFile(tenantId, 'pem')).toBeNull();

    expect(await verifyPendingCredential(tenantId)).toMatchObject({ kind: 'refused', error: { code: 'AADSTS700027' } });
    expect(await switchToPendingCredential(tenantId)).toMatchObject({ ok: false });

    suite.sandbox.control.addCertificate(suite.sandbox.info.clientId, row.pendingCertificatePem ?? '');
    expect(await verifyPendingCredential(tenantId)).toMatchObject({ kind: 'verified' });
    expect(await switchToPendingCredential(tenantId)).toMatchObject({
      ok: true,
      now: 'certificate',
      retired: { kind: 'secret', hint: old.value.slice(0, 3) },
    });
    const after = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(after).toMatchObject({
      credentialType: 'certificate',
      certificateThumbprint: row.pendingCertificateThumbprint,
      clientSecret: null,
      clientSecretHint: null,
    });
    expect(tenantCredentialExpiry(after).days).toBeGreaterThanOrEqual(179);

    suite.sandbox.control.removeClientSecret(suite.sandbox.info.clientId, old.value);
    expect(await sendAsApp(appConnection)).toMatchObject({
      sent: { ok: true, result: { state: 'sent' } },
      delivered: 1,
    });
  });

  it('never verifies or switches a new secret once the tenant points elsewhere (host, Tenant ID or Client ID)', async () => {
    const { tenantId } = await rotatingTenant();
    const next = suite.sandbox.control.addClientSecret(suite.sandbox.info.clientId);
    await submit(addPendingSecretAction, { id: tenantId, clientSecret: next.value, expiresOn: inDays(90) });
    expect(await submit(verifyPendingCredentialAction, { id: tenantId })).toMatchObject({ status: 'success' });
    // The tenant form saved another app registration meanwhile (a direct write stands in for it).
    await db().tenant.update({ where: { id: tenantId }, data: { clientId: '00000000-0000-4000-8000-00000000abcd' } });
    expect(await submit(switchToPendingCredentialAction, { id: tenantId })).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/changed since the new credential was added: cancel it and add it again/),
    });
    expect(await submit(verifyPendingCredentialAction, { id: tenantId })).toMatchObject({ status: 'error' });
    expect((await getTenantRotation(tenantId))?.pending).toMatchObject({ stale: true });
    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(decryptSecret(row.pendingClientSecret ?? '', 'Tenant.pendingClientSecret', row.name)).toBe(next.value);
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', row.name)).not.toBe(next.value);
  });

  it('makes two concurrent switches one switch, and never switches to a credential added during it', async () => {
    const { tenantId } = await rotatingTenant();
    const next = suite.sandbox.control.addClientSecret(suite.sandbox.info.clientId);
    await setPendingCredential(tenantId, {
      kind: 'secret',
      clientSecret: next.value,
      expiresAt: new Date(Date.now() + 90 * DAY),
    });
    expect((await verifyPendingCredential(tenantId)).kind).toBe('verified');

    const results = await Promise.all([switchToPendingCredential(tenantId), switchToPendingCredential(tenantId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      message: expect.stringMatching(/changed meanwhile|no new credential/),
    });
    const row = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', row.name)).toBe(next.value);

    // A switch racing the replacement of the verified pending secret by an unverified one: whichever wins, the
    // unverified secret never becomes current.
    const third = suite.sandbox.control.addClientSecret(suite.sandbox.info.clientId);
    await setPendingCredential(tenantId, {
      kind: 'secret',
      clientSecret: third.value,
      expiresAt: new Date(Date.now() + 90 * DAY),
    });
    expect((await verifyPendingCredential(tenantId)).kind).toBe('verified');
    const unverified = 'Sbx8Q~never-verified-secret-value-0000000';
    await Promise.all([
      switchToPendingCredential(tenantId),
      setPendingCredential(tenantId, {
        kind: 'secret',
        clientSecret: unverified,
        expiresAt: new Date(Date.now() + 90 * DAY),
      }),
    ]);
    const raced = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(decryptSecret(raced.clientSecret ?? '', 'Tenant.clientSecret', raced.name)).not.toBe(unverified);
    if (raced.pendingClientSecret) expect(raced.pendingVerifiedAt).toBeNull();
  });
});
