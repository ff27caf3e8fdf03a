import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createRobotMailboxAction,
  deleteRobotMailboxAction,
  pollNowAction,
  testRobotMailboxAction,
  updateRobotMailboxAction,
} from '@/app/(console)/email-robot/actions';
import { GET as downloadRaw } from '@/app/(console)/email-robot/[id]/messages/[messageId]/raw/route';
import { deleteConnection } from '@/lib/composition/delete-connection';
import { ENCRYPTED_FIELDS } from '@/lib/composition/encrypted-fields';
import { db } from '@/lib/db/prisma';
import { getRobotMailbox } from '@/lib/robot/get-robot-mailbox';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { dumpDatabase } from '../../support/dump-database';
import { startTestSandbox } from '../../support/sandbox-connection';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from '../service-connections/request-context';
import { ADELE, disableAllRobotMailboxes, robotConnection } from './support/robot-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

vi.mock('next/headers', async () => (await import('../service-connections/request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../service-connections/request-context')).nextCacheMock);

// The E-mail Robot's console actions as a form post runs them: parse, authenticate, act, audit.

const SECRET = 'robot-webhook-secret-0123456789abcdef';

describe.each(PROVIDERS)('E-mail Robot console on %s', (provider) => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  let delegated: string;
  let application: string;
  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = 'error';
    // The webhook receivers run on loopback, which the SSRF guard refuses unless the operator allows it.
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
    database = await useFreshDatabase(provider);
    sandbox = await startTestSandbox();
    receiver = await startWebhookReceiver();
    await signInAsAdministrator();
    delegated = await robotConnection(sandbox, 'delegated');
    application = await robotConnection(sandbox, 'application');
  });
  afterAll(async () => {
    await disableAllRobotMailboxes();
    await receiver?.close();
    await sandbox?.close();
    await database?.cleanup();
  });

  const fields = (overrides: Record<string, string | undefined> = {}) => ({
    name: 'Support inbox',
    connectionId: delegated,
    mailboxAddress: '',
    folder: '',
    pollIntervalSeconds: '',
    afterProcessing: 'move',
    moveToFolder: 'Processed',
    webhookUrl: receiver.url,
    webhookSecret: SECRET,
    enabled: 'on',
    ...overrides,
  });

  it('refuses bad settings at their fields and saves nothing', async () => {
    expect(
      (await submit(createRobotMailboxAction, fields({ name: ' ', pollIntervalSeconds: '5', moveToFolder: '' })))
        .fieldErrors,
    ).toEqual({
      name: 'Enter a name',
      pollIntervalSeconds: 'Poll at most every 10 seconds',
      moveToFolder: 'Enter the folder to move processed mail to',
    });
    expect((await submit(createRobotMailboxAction, fields({ moveToFolder: 'inbox/' }))).fieldErrors).toEqual({
      moveToFolder: 'Choose a folder other than the watched one',
    });
    expect(
      (await submit(createRobotMailboxAction, fields({ webhookUrl: 'ftp://x.example', webhookSecret: 'short' })))
        .fieldErrors,
    ).toEqual({
      webhookUrl: 'Enter an http:// or https:// URL',
      webhookSecret: 'Use at least 16 characters, or Generate one',
    });
    expect((await submit(createRobotMailboxAction, fields({ connectionId: application }))).fieldErrors).toEqual({
      mailboxAddress: 'An application connection has no signed-in user: enter the mailbox address',
    });
    expect((await submit(createRobotMailboxAction, fields({ webhookSecret: '' }))).fieldErrors).toEqual({
      webhookSecret: 'Generate or enter a secret to sign the webhook with',
    });
    expect(await db().robotMailbox.count()).toBe(0);
  });

  it('stores the webhook secret encrypted and write-only, audits without it, and keeps it on a blank edit', async () => {
    const created = await submit(createRobotMailboxAction, fields({ pollIntervalSeconds: '30' }));
    const row = await db().robotMailbox.findUniqueOrThrow({ where: { name: 'Support inbox' } });
    expect(created.redirectedTo).toBe(`/email-robot/${row.id}`);
    expect(row).toMatchObject({
      folder: 'Inbox',
      pollIntervalSeconds: 30,
      afterProcessing: 'move',
      moveToFolder: 'Processed',
      webhookSecretHint: 'cdef',
      enabled: true,
    });
    expect(row.webhookSecret?.startsWith('sb1.')).toBe(true);
    expect(ENCRYPTED_FIELDS.map((f) => f.context)).toContain('RobotMailbox.webhookSecret');
    expect(JSON.stringify(await getRobotMailbox(row.id))).not.toContain(row.webhookSecret ?? '-');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'robot_mailbox.create' } });
    expect(audit.details).not.toContain(SECRET);
    expect(audit.details).not.toContain('/hooks/mail');
    expect(await dumpDatabase(database)).not.toContain(SECRET);

    const edited = await submit(
      updateRobotMailboxAction,
      fields({ id: row.id, folder: 'Inbox', webhookSecret: '', enabled: undefined }),
    );
    expect(edited.redirectedTo).toBe(`/email-robot/${row.id}`);
    const after = await db().robotMailbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.webhookSecret).toBe(row.webhookSecret);
    expect(after.enabled).toBe(false);
  });

  it('polls now, shows the message and lets an administrator download its MIME', async () => {
    const { id } = await db().robotMailbox.findUniqueOrThrow({ where: { name: 'Support inbox' } });
    const sent = await sandbox.control.addMessage(ADELE.username, { subject: 'Download me', text: 'raw please' });
    const polled = await submit(pollNowAction, { id });
    expect(polled).toMatchObject({
      status: 'success',
      message: 'Polled: 1 new message, 1 handed on, 1 marked or moved.',
    });
    expect(receiver.accepted()).toHaveLength(1);
    const message = await db().robotMessage.findFirstOrThrow({ where: { mailboxId: id } });
    const response = await downloadRaw(new Request('http://localhost/'), {
      params: Promise.resolve({ id, messageId: message.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('message/rfc822');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Download me.eml"');
    expect(await response.text()).toBe(sent.raw);
    const missing = await downloadRaw(new Request('http://localhost/'), {
      params: Promise.resolve({ id: 'other', messageId: message.id }),
    });
    expect(missing.status).toBe(404);
  });

  it('Test shows Graph’s answer and its explanation', async () => {
    const { id } = await db().robotMailbox.findUniqueOrThrow({ where: { name: 'Support inbox' } });
    expect(await submit(testRobotMailboxAction, { id })).toMatchObject({
      status: 'success',
      message: expect.stringMatching(
        /^Opened “Inbox” in adele@contoso\.onmicrosoft\.com \(signed in as adele@contoso\.onmicrosoft\.com\): \d+ messages, \d+ unread\. Processed mail is moved to “Processed”\.$/,
      ),
    });
    await submit(
      updateRobotMailboxAction,
      fields({ id, connectionId: application, mailboxAddress: 'patti@contoso.onmicrosoft.com', webhookSecret: '' }),
    );
    const blocked = await submit(testRobotMailboxAction, { id });
    expect(blocked).toMatchObject({
      status: 'error',
      values: {
        graphAnswer: expect.stringMatching(/^403 ErrorAccessDenied: .*\[RAOP\]/),
        meaning: expect.stringMatching(/application access policy blocks/),
      },
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'robot_mailbox.test', outcome: 'failure' },
    });
    expect(audit.summary).toMatch(/RAOP/);
  });

  it('keeps a connection in use from being deleted, and deletes the mailbox with its messages', async () => {
    const { id } = await db().robotMailbox.findUniqueOrThrow({ where: { name: 'Support inbox' } });
    const refused = await deleteConnection(application);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('E-mail Robot (Support inbox)') });
    expect(await submit(deleteRobotMailboxAction, { id })).toMatchObject({ redirectedTo: '/email-robot' });
    expect(await db().robotMessage.count({ where: { mailboxId: id } })).toBe(0);
    expect(await deleteConnection(application)).toMatchObject({ ok: true });
  });
});
