import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { testConnection } from '@/lib/composition/test-connection';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';
import {
  ADELE,
  createSandboxConnection,
  createSandboxTenant,
  signInConnection,
} from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { saveSandboxSmtpSettings } from '../mail/support/save-sandbox-smtp-settings';

const LEGACY_APP = {
  clientId: 'e2b7c5d1-4a9f-4c63-8e1b-7f0a3d6c9b52',
  clientSecret: 'Sbx8Q~legacy-mailer-expired-secret-value01',
};

describe('Verify credentials and application connections against the sandbox', () => {
  const suite = sandboxSuite('sqlite');

  it('accepts the right Tenant ID, Client ID and secret, and lists the application permissions', async () => {
    const tenant = await createSandboxTenant(suite.sandbox);
    const result = await verifyTenantCredentials(tenant.id);
    expect(result).toMatchObject({ ok: true, roles: expect.arrayContaining(['Mail.Send', 'Mail.ReadWrite']) });
  });

  for (const [label, overrides, code] of [
    ['a wrong secret', { clientSecret: 'definitely-not-the-secret' }, 'AADSTS7000215'],
    ['an expired secret', LEGACY_APP, 'AADSTS7000222'],
    ['an unknown application', { clientId: crypto.randomUUID() }, 'AADSTS700016'],
    ['an unknown tenant', { directoryId: crypto.randomUUID() }, 'AADSTS90002'],
  ] as const) {
    it(`explains ${label} (${code})`, async () => {
      const tenant = await createSandboxTenant(suite.sandbox, overrides);
      const result = await verifyTenantCredentials(tenant.id);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.explanation?.fix).toBeTruthy();
      expect(JSON.stringify(result)).not.toContain(suite.sandbox.info.clientSecret);
    });
  }

  it('an application connection needs no sign-in: Test reports the roles in its token', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    const token = await getAccessToken(connectionId);
    expect(token.ok).toBe(true);
    const result = await testConnection(connectionId);
    expect(result).toMatchObject({ ok: true, summary: expect.stringMatching(/roles: .*Mail\.Send/) });
    suite.sandbox.control.resetCounters();
    await getAccessToken(connectionId);
    expect(suite.sandbox.control.tokenRequestCount('client_credentials')).toBe(0);
  });
});

describe('Test on an Exchange (SMTP) connection', () => {
  const suite = sandboxSuite('sqlite');

  it("does an SMTP AUTH XOAUTH2 handshake at the Emails settings' SMTP server, and explains a refusal", async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'exchange-smtp');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    await saveSandboxSmtpSettings(suite.sandbox, connectionId, ADELE.username);

    expect(await testConnection(connectionId)).toMatchObject({
      ok: true,
      summary: `SMTP AUTH XOAUTH2 accepted by 127.0.0.1:${suite.sandbox.info.smtp.port} for ${ADELE.username}`,
    });

    suite.sandbox.control.setSmtpAuthEnabled(ADELE.username, false);
    try {
      const refused = await testConnection(connectionId);
      expect(refused.ok).toBe(false);
      expect(refused.summary).toContain('5.7.139');
      expect(refused.details.join(' ')).toMatch(/SMTP AUTH/i);
    } finally {
      suite.sandbox.control.setSmtpAuthEnabled(ADELE.username, true);
    }
  });
});
