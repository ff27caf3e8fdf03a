import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { createAdministrator } from '@/lib/administrators/create-administrator';
import { createSession } from '@/lib/auth/sessions';
import { forgetKeyring } from '@/lib/crypto/load-keyring';
import { db, disconnectDb } from '@/lib/db/prisma';
import { resetEnvForTests } from '@/lib/env';
import { useFreshDatabase } from '../support/use-database';
import { seedMailbox } from './ops/support/seed-mailbox';

// GET /api/health as a load balancer, an attacker and an administrator call it: the status for everyone, 503 only
// for what stops this instance from serving, and the components' details only with a session or the metrics token.

const METRICS_TOKEN = 'health-metrics-token-0123456789';
const get = (headers: Record<string, string> = {}) => GET(new Request('http://localhost/api/health', { headers }));

describe('GET /api/health', () => {
  afterAll(async () => {
    delete process.env.SWITCHBOARD_METRICS_TOKEN;
    delete process.env.SWITCHBOARD_ENCRYPTION_KEY;
    await disconnectDb();
  });

  it('tells anonymous callers the status only, and the details to the metrics token or an administrator', async () => {
    process.env.SWITCHBOARD_METRICS_TOKEN = METRICS_TOKEN;
    const database = await useFreshDatabase('sqlite');
    await seedMailbox('Orders', {
      lastError: '403 ErrorAccessDenied',
      lastErrorAt: new Date(),
      lastSuccessAt: new Date(Date.now() - 3_600_000),
    });
    await db().outboundMessage.create({
      data: {
        source: 'api',
        fromAddress: 'a@contoso.test',
        toRecipients: '[]',
        messageIdHeader: '<stuck@test>',
        nextAttemptAt: new Date(Date.now() - 600_000),
      },
    });

    const anonymous = await get();
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: 'ok' });
    for (const headers of [
      { authorization: 'Bearer not-the-token-0123456789' },
      { cookie: 'sb_session=forged' },
    ] as Record<string, string>[]) {
      const refused = await get(headers);
      expect(refused.status).toBe(200);
      expect(await refused.json()).toEqual({ status: 'ok' });
    }

    // A failing mailbox and a stuck queue are reported, but never turn into a 503.
    const monitored = await get({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(monitored.status).toBe(200);
    const details = await monitored.json();
    expect(details).toMatchObject({
      status: 'ok',
      database: { ok: true, provider: 'sqlite' },
      encryption: { ok: true, source: 'file' },
    });
    expect(details.outbox).toMatchObject({ ok: false, workerInThisInstance: false, queued: 1, sending: 0 });
    expect(details.outbox.oldestDueSeconds).toBeGreaterThanOrEqual(600);
    expect(details.robot).toMatchObject({
      ok: false,
      enabledMailboxes: 1,
      failingMailboxes: [{ name: 'Orders', lastError: '403 ErrorAccessDenied' }],
    });

    const created = await createAdministrator({
      email: 'ops@contoso.test',
      name: 'Ops',
      password: 'a long password 123',
    });
    if (!created.ok) throw new Error(created.error);
    const { token } = await createSession(created.admin.id, { ipAddress: null, userAgent: null });
    const signedIn = await get({ cookie: `other=1; sb_session=${token}` });
    expect(await signedIn.json()).toMatchObject({
      database: { ok: true },
      outbox: { queued: 1 },
      robot: { enabledMailboxes: 1 },
    });
    await database.cleanup();
  });

  it('answers 503 when the key cannot be loaded', async () => {
    const database = await useFreshDatabase('sqlite');
    process.env.SWITCHBOARD_ENCRYPTION_KEY = 'too-short';
    resetEnvForTests();
    forgetKeyring();
    const response = await get();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'down' });
    delete process.env.SWITCHBOARD_ENCRYPTION_KEY;
    resetEnvForTests();
    forgetKeyring();
    await database.cleanup();
  });

  it('answers 503 when the database is down, without echoing the connection string', async () => {
    await disconnectDb();
    process.env.DATABASE_URL = 'postgresql://switchboard:hunter2-db-password@127.0.0.1:1/none';
    resetEnvForTests();
    const response = await get({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'down', database: { ok: false, provider: 'postgresql' } });
    expect(text).not.toContain('hunter2');
  });
});
