import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '@/lib/composition/test-connection';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { db } from '@/lib/db/prisma';
import { decodeJwtClaims } from '@/lib/entra/decode-jwt-claims';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { createTenant } from '@/lib/tenants/create-tenant';
import { createTenantSchema } from '@/lib/tenants/schemas';
import type { SandboxConfig } from '../../../sandbox/config/sandbox-config-schema';
import { type Sandbox, startSandbox } from '../../../sandbox/start-sandbox';
import { ADELE, signInConnection, TEST_REDIRECT_URI } from '../../support/sandbox-connection';
import { SANDBOX_TLS_DIR } from '../../support/sandbox-tls';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from './support/save-settings';
import { testEmailInput } from './support/test-email-input';
import { uniqueRecipient } from './support/unique-recipient';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Issue 14 §3, end to end: a sandbox that answers for resource names other than Microsoft's global ones (as a national
// cloud does) refuses https://graph.microsoft.com with AADSTS500011, so every step below passes only if Switchboard
// asks for the Custom tenant's own names everywhere: Setup Authentication, Test, and a test email over Graph and over
// SMTP with XOAUTH2 (delegated and app-only).

const RESOURCES = { graph: 'https://graph.contoso-cloud.test', exchange: 'https://outlook.contoso-cloud.test' };
const MEGAN = 'megan@contoso.onmicrosoft.com'; // the sandbox's default app has Full Access on this mailbox

describe('a Custom cloud whose resource names differ from the global ones (SQLite)', () => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    const defaults = JSON.parse(fs.readFileSync(path.resolve('sandbox/default-config.json'), 'utf8')) as SandboxConfig;
    sandbox = await startSandbox({
      dataDir: SANDBOX_TLS_DIR,
      redirectUris: [TEST_REDIRECT_URI],
      config: { ...defaults, resources: RESOURCES },
    });
    await ensureBuiltInServices();
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.cleanup();
  });

  async function tenant(resources: Partial<typeof RESOURCES> = RESOURCES) {
    const created = await createTenant(
      createTenantSchema.parse({
        name: `Contoso cloud ${crypto.randomBytes(4).toString('hex')}`,
        cloud: 'custom',
        authorityHost: sandbox.info.authorityHost,
        graphBaseUrl: sandbox.info.graphBaseUrl,
        graphResource: resources.graph ?? '',
        exchangeResource: resources.exchange ?? '',
        directoryId: sandbox.info.tenantId,
        clientId: sandbox.info.clientId,
        clientSecret: sandbox.info.clientSecret,
        expiresOn: '',
      }),
    );
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    return created.tenant.id;
  }

  async function connection(tenantId: string, builtInKey: string) {
    const service = await db().service.findUniqueOrThrow({ where: { builtInKey } });
    const made = await createConnection(createConnectionSchema.parse({ serviceId: service.id, tenantId }));
    if (!made.ok) throw new Error(JSON.stringify(made));
    return made.id;
  }

  it('is refused with AADSTS500011 when the tenant asks for the global names', async () => {
    const connectionId = await connection(await tenant({}), 'graph-mail');
    const { outcome } = await signInConnection(connectionId, ADELE);
    expect(outcome).toMatchObject({ ok: false, kind: 'microsoft', error: { code: 'AADSTS500011' } });
    if (outcome.ok || outcome.kind !== 'microsoft') return;
    expect(outcome.error.description).toMatch(
      /^AADSTS500011: The resource principal named https:\/\/graph\.microsoft\.com was not found in the tenant named Contoso\./,
    );
  });

  it('signs in, tests and sends a test email through Graph with the tenant’s Graph resource', async () => {
    const tenantId = await tenant();
    const connectionId = await connection(tenantId, 'graph-mail');
    const { outcome } = await signInConnection(connectionId, ADELE);
    expect(outcome).toMatchObject({ ok: true, accountUsername: ADELE.username, missingScopes: [] });
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.grantedScopes?.split(' ')).toContain(`${RESOURCES.graph}/Mail.Send`);

    const tested = await testConnection(connectionId);
    expect(tested).toMatchObject({ ok: true, summary: expect.stringMatching(/^Graph \/me answered: Adele Vance/) });

    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({ connectionType: 'graph', connectionId, senderAddress: ADELE.username, testRecipient: to }),
      'admin@switchboard.test',
    );
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent', outcome: { kind: 'sent', code: '202' } } });
    expect(sandbox.control.readMailbox(to)).toHaveLength(1);
  });

  it('signs in, tests and sends a test email over SMTP XOAUTH2 with the tenant’s Exchange resource', async () => {
    const tenantId = await tenant();
    const connectionId = await connection(tenantId, 'exchange-smtp');
    const { outcome } = await signInConnection(connectionId, ADELE);
    expect(outcome).toMatchObject({ ok: true, missingScopes: [] });
    const token = await getAccessToken(connectionId, { api: 'exchange' });
    if (!token.ok) throw new Error(token.message);
    expect(decodeJwtClaims(token.accessToken).aud).toBe(RESOURCES.exchange);

    const smtp = {
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sandbox.info.smtp.port}`,
      useSsl: 'on',
      confirmSmtpHost: '127.0.0.1',
      smtpAuth: 'oauth',
      mailboxAddress: ADELE.username,
      connectionId,
      senderAddress: ADELE.username,
    };
    // Done (the lists judge the connection by its granted scopes, in the tenant's own names), then Test's handshake.
    await saveSettings(smtp);
    const tested = await testConnection(connectionId);
    expect(tested).toMatchObject({
      ok: true,
      summary: expect.stringMatching(/^SMTP AUTH XOAUTH2 accepted by 127\.0\.0\.1:\d+ for adele@/),
    });

    const to = uniqueRecipient();
    const sent = await sendTestEmail(testEmailInput({ ...smtp, testRecipient: to }), 'admin@switchboard.test');
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent', outcome: { kind: 'sent', code: '250 2.0.0' } } });
    expect(sandbox.control.readMailbox(to)).toHaveLength(1);
  });

  it('an application connection tests and sends over SMTP with {Exchange resource}/.default', async () => {
    const connectionId = await connection(await tenant(), 'client-credentials');
    const tested = await testConnection(connectionId);
    expect(tested.ok).toBe(true);
    expect(tested.details.join('\n')).toMatch(/Exchange token roles: .*SMTP\.SendAsApp/);

    const to = uniqueRecipient();
    const sent = await sendTestEmail(
      testEmailInput({
        connectionType: 'smtp',
        smtpServer: `127.0.0.1:${sandbox.info.smtp.port}`,
        useSsl: 'on',
        confirmSmtpHost: '127.0.0.1',
        smtpAuth: 'oauth',
        mailboxAddress: MEGAN,
        connectionId,
        senderAddress: MEGAN,
        testRecipient: to,
      }),
      'admin@switchboard.test',
    );
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent' } });
    expect(sandbox.control.readMailbox(to)).toHaveLength(1);
  });
});
