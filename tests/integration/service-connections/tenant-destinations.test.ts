import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  updateTenantAction,
  verifyTenantAction,
} from '@/app/(console)/integration/service-connections/tenants/actions';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { testConnection } from '@/lib/composition/test-connection';
import { tenantSecretFields } from '@/lib/tenants/tenant-secret-fields';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { ensureCertificates } from '../../../sandbox/tls/ensure-certificates';
import {
  ADELE,
  createSandboxConnection,
  createSandboxTenant,
  signInConnection,
  startTestSandbox,
} from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';
import { SANDBOX_TLS_DIR } from '../../support/sandbox-tls';
import { signInAsAdministrator, submit } from './request-context';

vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./request-context')).nextCacheMock);

// Issue 11, finding 3 (tenant rows), as the rogue administrator did it: point a saved tenant's authority host or
// Graph base URL at a host they control, leave the Client Secret blank, and let the console send the stored secret
// (Verify credentials) or a signed-in account's access token (Test) there. A second sandbox plays the attacker's
// identity platform (it counts the client-credentials requests that reach it); a bare HTTPS server plays the
// attacker's Graph and records every Authorization header.

interface Capture {
  url: string;
  authorizations: string[];
  close(): Promise<void>;
}

async function captureServer(): Promise<Capture> {
  const { server: tls } = ensureCertificates(SANDBOX_TLS_DIR);
  const authorizations: string[] = [];
  const server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    authorizations.push(req.headers.authorization ?? '(none)');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"displayName":"Attacker","userPrincipalName":"x@attacker.example"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Tenant = Awaited<ReturnType<typeof createSandboxTenant>>;

function formOf(tenant: Tenant, overrides: Record<string, string> = {}) {
  return {
    id: tenant.id,
    name: tenant.name,
    cloud: tenant.cloud,
    authorityHost: tenant.authorityHost ?? '',
    graphBaseUrl: tenant.graphBaseUrl ?? '',
    directoryId: tenant.directoryId,
    clientId: tenant.clientId,
    clientSecret: '',
    expiresOn: '',
    ...overrides,
  };
}

async function signedInGraphConnection(sandbox: Sandbox) {
  const { connectionId, tenantId } = await createSandboxConnection(sandbox, 'graph-mail');
  expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
  const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
  return { connectionId, tenant };
}

const connectionRow = (id: string) =>
  db().serviceConnection.findUniqueOrThrow({
    where: { id },
    select: { state: true, tokenCache: true, accountUsername: true },
  });
const lastAudit = (action: string, targetId: string) =>
  db().auditEvent.findFirstOrThrow({ where: { action, targetId }, orderBy: { createdAt: 'desc' } });

describe.each(PROVIDERS)(
  'a tenant’s stored credentials follow no host an administrator just typed, on %s',
  (provider) => {
    const suite = sandboxSuite(provider);
    let attacker: Sandbox;
    let capture: Capture;
    beforeAll(async () => {
      process.env.SWITCHBOARD_LOG_LEVEL = 'error';
      await signInAsAdministrator();
      attacker = await startTestSandbox();
      capture = await captureServer();
    });
    afterAll(async () => {
      await capture?.close();
      await attacker?.close();
    });

    it('Verify credentials with the secret left blank sends the stored secret only to the saved authority host', async () => {
      const tenant = await createSandboxTenant(suite.sandbox);
      attacker.control.resetCounters();
      const elsewhere = await submit(
        verifyTenantAction,
        formOf(tenant, { authorityHost: attacker.info.authorityHost }),
      );
      expect(elsewhere.status).toBe('error');
      expect(elsewhere.fieldErrors?.clientSecret).toMatch(/^Enter the client secret .* only sent to 127\.0\.0\.1:\d+/);
      const otherCloud = await submit(
        verifyTenantAction,
        formOf(tenant, { cloud: 'global', authorityHost: '', graphBaseUrl: '' }),
      );
      expect(otherCloud.fieldErrors?.clientSecret).toMatch(/^Enter the client secret/);
      expect(attacker.control.tokenRequestCount('client_credentials')).toBe(0);

      // Typed again, the secret goes where the administrator says: they hold it.
      expect(
        await submit(
          verifyTenantAction,
          formOf(tenant, { authorityHost: attacker.info.authorityHost, clientSecret: attacker.info.clientSecret }),
        ),
      ).toMatchObject({ status: 'success' });
      expect(attacker.control.tokenRequestCount('client_credentials')).toBe(1);
      // Blank, at the saved host: the stored secret, as before.
      expect(await submit(verifyTenantAction, formOf(tenant))).toMatchObject({ status: 'success' });
      const audit = await lastAudit('tenant.verify', tenant.id);
      expect(audit.details).toContain(new URL(suite.sandbox.info.authorityHost).host);
    });

    it('a new cloud or authority host needs the client secret again, and drops the sign-ins of the tenant’s connections', async () => {
      const { connectionId, tenant } = await signedInGraphConnection(suite.sandbox);
      const refused = await submit(updateTenantAction, formOf(tenant, { authorityHost: attacker.info.authorityHost }));
      expect(refused.fieldErrors?.clientSecret).toMatch(/^Enter the client secret again/);
      expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).authorityHost).toBe(
        tenant.authorityHost,
      );
      expect((await connectionRow(connectionId)).state).toBe('authenticated');
      expect(
        (await submit(updateTenantAction, formOf(tenant, { cloud: 'usgov', authorityHost: '', graphBaseUrl: '' })))
          .fieldErrors?.clientSecret,
      ).toMatch(/^Enter the client secret again/);

      const saved = await submit(
        updateTenantAction,
        formOf(tenant, { authorityHost: attacker.info.authorityHost, clientSecret: attacker.info.clientSecret }),
      );
      expect(saved).toMatchObject({ status: 'success' });
      expect(await connectionRow(connectionId)).toEqual({
        state: 'not_authenticated',
        tokenCache: null,
        accountUsername: null,
      });
      const audit = await lastAudit('tenant.update', tenant.id);
      const details = JSON.parse(audit.details ?? '{}') as Record<string, unknown>;
      expect(details).toMatchObject({
        authorityHost: {
          from: new URL(suite.sandbox.info.authorityHost).host,
          to: new URL(attacker.info.authorityHost).host,
        },
        signInsDropped: 1,
      });
    });

    it('a new Graph base URL drops the sign-ins, so the next Test sends no access token there', async () => {
      const { connectionId, tenant } = await signedInGraphConnection(suite.sandbox);
      expect(await testConnection(connectionId)).toMatchObject({ ok: true });
      const saved = await submit(updateTenantAction, formOf(tenant, { graphBaseUrl: capture.url }));
      expect(saved).toMatchObject({ status: 'success' });
      expect((await connectionRow(connectionId)).tokenCache).toBeNull();
      const test = await testConnection(connectionId);
      expect(test.ok).toBe(false);
      expect(capture.authorizations).toEqual([]);
      const details = JSON.parse((await lastAudit('tenant.update', tenant.id)).details ?? '{}') as Record<
        string,
        unknown
      >;
      expect(details).toMatchObject({
        graphHost: { from: new URL(suite.sandbox.info.graphBaseUrl).host, to: new URL(capture.url).host },
        signInsDropped: 1,
      });
    });

    it('a new name, Tenant ID or expiry date keeps the secret’s destination, and the sign-ins', async () => {
      const { connectionId, tenant } = await signedInGraphConnection(suite.sandbox);
      expect(
        await submit(
          updateTenantAction,
          formOf(tenant, {
            name: `${tenant.name} renamed`,
            expiresOn: '2031-01-01',
            graphBaseUrl: `${tenant.graphBaseUrl}/`,
          }),
        ),
      ).toMatchObject({ status: 'success' });
      expect((await connectionRow(connectionId)).state).toBe('authenticated');
    });
    it('a stale save racing a move of the host never pairs the new secret with the old host', async () => {
      const tenant = await createSandboxTenant(suite.sandbox);
      const newSecret = 'Moved~secret-for-the-new-host-0123456789';
      for (let round = 0; round < 8; round += 1) {
        await db().tenant.update({
          where: { id: tenant.id },
          data: { authorityHost: tenant.authorityHost, ...tenantSecretFields(suite.sandbox.info.clientSecret) },
        });
        // One administrator moves the tenant and types the new host's secret; another saves the form they opened
        // before, secret blank, at the old host — at the same moment.
        await Promise.all([
          submit(
            updateTenantAction,
            formOf(tenant, { authorityHost: attacker.info.authorityHost, clientSecret: newSecret }),
          ),
          submit(updateTenantAction, formOf(tenant, { expiresOn: '2030-01-0' + String(1 + (round % 9)) })),
        ]);
        const row = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
        const secret = decryptSecret(row.clientSecret ?? '', 'Tenant.clientSecret', row.name);
        expect({ round, host: row.authorityHost, secret }).toEqual({
          round,
          host: row.authorityHost,
          secret: row.authorityHost === attacker.info.authorityHost ? newSecret : suite.sandbox.info.clientSecret,
        });
      }
    });
  },
);
