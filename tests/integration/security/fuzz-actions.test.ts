// Issue 11's fuzz, in-process on SQLite and PostgreSQL: every server action in app/ gets every form field filled
// with long, empty, NUL, wrong-type and oversized values (as a signed-in administrator, with real and unknown ids,
// and without a session), and is called by hand with plain arguments. None may fail the way a 500 does (throw
// anything but a redirect or a 404), and no record seeded beforehand may be lost or changed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { db } from '@/lib/db/prisma';
import { createSandboxConnection } from '../../support/sandbox-connection';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { signInAsAdministrator, signOutForTests } from './fuzz-session';
import { actionModules, FIELD_VALUES, formFieldNames, isNextAnswer, PLAIN_ARGUMENTS } from './fuzz-support';

vi.mock('next/headers', async () => (await import('./fuzz-session')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../service-connections/request-context')).nextCacheMock);

type AnyAction = (...args: unknown[]) => Promise<unknown>;

// Done on the Emails form saves exactly what is on screen: an empty form is an administrator turning email off.
const SAVES_EMPTY_FORM = /saveEmailSettingsAction/;

// Calls that, given a real id, are meant to change or remove the record: they get unknown ids only.
const CHANGES_BY_ID = /delete|revoke|toggle|reset|resend|poll|disconnect|signInLink|startSetup/i;

async function loadActions(): Promise<Array<{ name: string; action: AnyAction }>> {
  const actions: Array<{ name: string; action: AnyAction }> = [];
  for (const modulePath of actionModules()) {
    const exported = (await import(/* @vite-ignore */ modulePath)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported))
      if (typeof value === 'function') actions.push({ name: `${modulePath}#${name}`, action: value as AnyAction });
  }
  return actions;
}

/** Everything seeded, as stored: compared before and after the fuzz. */
async function snapshot(ids: { tenantId: string; connectionId: string; apiKeyId: string; adminId: string }) {
  return JSON.stringify({
    tenant: await db().tenant.findUnique({ where: { id: ids.tenantId } }),
    connection: await db().serviceConnection.findUnique({ where: { id: ids.connectionId }, omit: { updatedAt: true } }),
    apiKey: await db().apiKey.findUnique({ where: { id: ids.apiKeyId } }),
    admin: await db().administrator.findUnique({
      where: { id: ids.adminId },
      omit: { lastLoginAt: true, updatedAt: true },
    }),
    services: await db().service.findMany({
      orderBy: { id: 'asc' },
      include: { capabilities: { orderBy: { id: 'asc' } } },
    }),
    settings: await db().emailSettings.findMany(),
    messages: await db().outboundMessage.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, state: true, subject: true },
    }),
  });
}

describe.each(PROVIDERS)('fuzzed server actions (%s)', (provider) => {
  let database: TestDatabase;
  let ids: { tenantId: string; connectionId: string; apiKeyId: string; adminId: string };
  const failures: string[] = [];
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    const admin = await signInAsAdministrator();
    const sandboxInfo = {
      info: {
        authorityHost: 'https://127.0.0.1:9',
        graphBaseUrl: 'https://127.0.0.1:9',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        clientId: '0d7a1f00-0000-4000-8000-000000000001',
        clientSecret: 'fuzz-secret-value',
      },
    };
    const { connectionId, tenantId } = await createSandboxConnection(sandboxInfo as never, 'graph-mail');
    const apiKey = await createApiKey('fuzz key', admin);
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: '127.0.0.1:9',
      smtpAuth: 'none',
      allowUnencrypted: 'on',
      senderAddress: 'fuzz@switchboard.test',
    });
    ids = { tenantId, connectionId, apiKeyId: apiKey.id, adminId: admin.id };
  });
  afterAll(async () => database.cleanup());

  async function call(label: string, action: AnyAction, args: unknown[]): Promise<void> {
    try {
      await action(...args);
    } catch (error) {
      if (!isNextAnswer(error)) failures.push(`${label}: ${(error as Error).message?.slice(0, 200)}`);
    }
  }

  it('no action fails like a 500, and no seeded record is lost or changed', { timeout: 600_000 }, async () => {
    const actions = await loadActions();
    expect(actions.length).toBeGreaterThan(25);
    const fields = formFieldNames();
    expect(fields).toEqual(expect.arrayContaining(['clientSecret', 'smtpServer', 'webhookUrl', 'scopes']));
    const before = await snapshot(ids);
    const realIds = [ids.tenantId, ids.connectionId, ids.apiKeyId, ids.adminId];

    for (const { name, action } of actions) {
      for (const [kind, value] of Object.entries(FIELD_VALUES)) {
        if (SAVES_EMPTY_FORM.test(name) && (kind === 'empty' || kind === 'blank')) continue;
        const form = new FormData();
        for (const field of fields) form.set(field, value);
        await call(`${name} with every field ${kind}`, action, [{ status: 'idle' }, form]);
        if (!CHANGES_BY_ID.test(name)) {
          for (const id of realIds) {
            const withId = new FormData();
            for (const field of fields) withId.set(field, field === 'id' || field.endsWith('Id') ? id : value);
            await call(`${name} on a real record with every other field ${kind}`, action, [{ status: 'idle' }, withId]);
          }
        }
      }
      for (const [kind, args] of Object.entries(PLAIN_ARGUMENTS))
        await call(`${name} called with ${kind}`, action, args);
    }

    signOutForTests();
    for (const { name, action } of actions) {
      const form = new FormData();
      for (const field of fields) form.set(field, 'anonymous');
      await call(`${name} without a session`, action, [{ status: 'idle' }, form]);
      await call(`${name} without a session, plain id`, action, [ids.connectionId]);
    }

    expect(failures).toEqual([]);
    expect(await snapshot(ids)).toBe(before);
  });
});
