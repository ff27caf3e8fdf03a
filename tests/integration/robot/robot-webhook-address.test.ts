import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRobotMailboxAction } from '@/app/(console)/email-robot/actions';
import { db } from '@/lib/db/prisma';
import { resetEnvForTests } from '@/lib/env';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from '../service-connections/request-context';

vi.mock('next/headers', async () => (await import('../service-connections/request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../service-connections/request-context')).nextCacheMock);

// Issue 11, finding 4, at the form: an administrator types the server's own address into Webhook URL, in the
// spellings that dodge a naive check. The refusal shows at the field (the guard at connect time stays the real
// defence, see tests/integration/net/webhook-ssrf.test.ts).

const fields = (webhookUrl: string) => ({
  name: 'Probe',
  connectionId: 'no-such-connection',
  afterProcessing: 'mark_read',
  webhookUrl,
  webhookSecret: 'robot-webhook-secret-0123456789abcdef',
  enabled: 'on',
});

describe('E-mail Robot: Webhook URL pointing inside the network', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = 'error';
    delete process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS;
    database = await useFreshDatabase('sqlite');
    await signInAsAdministrator();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0.0.0.0/',
    'http://localhost:3000/api/health',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'https://10.0.0.8/',
    'http://[fd00::5]/',
  ])('%s is refused at the Webhook URL field', async (url) => {
    const state = await submit(createRobotMailboxAction, fields(url));
    expect(state.fieldErrors?.webhookUrl).toMatch(/^This address is not public.*SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS/);
    expect(await db().robotMailbox.count()).toBe(0);
  });

  it('a public URL passes the check, and the operator’s allow-list opens an on-premises address', async () => {
    expect(
      (await submit(createRobotMailboxAction, fields('https://hooks.example.com/in'))).fieldErrors?.webhookUrl,
    ).toBeUndefined();
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '10.0.0.0/8';
    resetEnvForTests();
    expect(
      (await submit(createRobotMailboxAction, fields('https://10.0.0.8/'))).fieldErrors?.webhookUrl,
    ).toBeUndefined();
    expect((await submit(createRobotMailboxAction, fields('http://127.0.0.1/'))).fieldErrors?.webhookUrl).toMatch(
      /^This address is not public/,
    );
  });
});
