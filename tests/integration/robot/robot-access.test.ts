import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { pollRobotMailboxNow } from '@/lib/robot/poll-robot-mailbox-now';
import { MIME_LIMIT_BYTES } from '@/lib/robot/robot-limits';
import { testRobotMailbox } from '@/lib/robot/test-robot-mailbox';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { startTestSandbox } from '../../support/sandbox-connection';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import {
  ADELE,
  MEGAN,
  PATTI,
  SUPPORT,
  disableAllRobotMailboxes,
  robotConnection,
  robotMailbox,
} from './support/robot-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

// Whose mailbox a connection may open: the signed-in user's own, a shared mailbox with Full Access, any mailbox an
// application may open — and the two refusals administrators meet, each with its explanation.

async function pollNow(id: string) {
  const result = await pollRobotMailboxNow(id);
  if (!result.ok || !result.ran) throw new Error(`poll did not run: ${JSON.stringify(result)}`);
  return result.summary;
}

describe('E-mail Robot mailbox access', () => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = 'error';
    // The webhook receivers run on loopback, which the SSRF guard refuses unless the operator allows it.
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
    database = await useFreshDatabase('sqlite');
    sandbox = await startTestSandbox();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await disableAllRobotMailboxes();
    await receiver?.close();
    await sandbox?.close();
    await database?.cleanup();
  });

  it('delegated, shared mailbox: Adele reads support@ (Full Access) and files what she handed on', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated', ADELE);
    const { id } = await robotMailbox({
      connectionId,
      mailboxAddress: SUPPORT,
      afterProcessing: 'move',
      moveToFolder: 'Inbox/Handled',
      webhookUrl: receiver.url,
    });
    expect(await testRobotMailbox(id)).toMatchObject({
      ok: true,
      message: expect.stringContaining(`in ${SUPPORT} (signed in as ${ADELE.username})`),
    });
    await sandbox.control.addMessage(SUPPORT, { from: 'customer@fabrikam.example', subject: 'Printer on fire' });
    expect(await pollNow(id)).toMatchObject({ newMessages: 1, handedOff: 1, actionsDone: 1, error: null });
    expect(receiver.accepted().at(-1)?.json).toMatchObject({
      mailbox: { address: SUPPORT },
      message: { subject: 'Printer on fire' },
    });
    expect(sandbox.control.readMailbox(SUPPORT, 'inbox')).toEqual([]);
    // "Inbox/Handled" was created below the Inbox.
    const token = await getAccessToken(connectionId, { resource: 'https://graph.microsoft.com' });
    if (!token.ok) throw new Error(token.message);
    const children = (await (
      await fetch(`${sandbox.info.graphBaseUrl}/v1.0/users/${SUPPORT}/mailFolders/inbox/childFolders`, {
        headers: { Authorization: `Bearer ${token.accessToken}` },
      })
    ).json()) as { value: { id: string; displayName: string }[] };
    const handled = children.value.find((f) => f.displayName === 'Handled');
    expect(handled).toBeDefined();
    expect(sandbox.control.readMailbox(SUPPORT, handled?.id).map((m) => m.subject)).toEqual(['Printer on fire']);
  });

  it('a passing Test clears the error a poll recorded: the page no longer shows "Error"', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated', ADELE);
    const { id } = await robotMailbox({ connectionId, mailboxAddress: SUPPORT, webhookUrl: receiver.url });
    await db().robotMailbox.update({
      where: { id },
      data: {
        lastError: '503 ServiceUnavailable',
        lastErrorExplanation: 'Graph was unavailable.',
        lastErrorAt: new Date(),
      },
    });
    expect(await testRobotMailbox(id)).toMatchObject({ ok: true });
    expect(
      await db().robotMailbox.findUniqueOrThrow({
        where: { id },
        select: { lastError: true, lastErrorExplanation: true, lastErrorAt: true },
      }),
    ).toEqual({ lastError: null, lastErrorExplanation: null, lastErrorAt: null });
  });

  it('delegated, shared mailbox without Full Access: ErrorAccessDenied, explained, on Test and on the mailbox', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated', MEGAN);
    const { id } = await robotMailbox({ connectionId, mailboxAddress: SUPPORT, webhookUrl: receiver.url });
    const test = await testRobotMailbox(id);
    expect(test).toMatchObject({
      ok: false,
      graphAnswer: '403 ErrorAccessDenied: Access is denied. Check credentials and try again.',
    });
    if (test.ok) return;
    expect(test.meaning).toBe(
      `${MEGAN.username} cannot open ${SUPPORT}: it has no Full Access permission on that mailbox, or the connection lacks Mail.ReadWrite.Shared.`,
    );
    expect(test.fix).toContain(
      `Add-MailboxPermission -Identity ${SUPPORT} -User ${MEGAN.username} -AccessRights FullAccess`,
    );
    expect(await pollNow(id)).toMatchObject({ newMessages: 0, error: expect.stringMatching(/^403 ErrorAccessDenied/) });
    const row = await db().robotMailbox.findUniqueOrThrow({ where: { id } });
    expect(row.lastErrorExplanation).toContain('no Full Access permission');
    expect(row.lastSuccessAt).toBeNull();
    expect(row.lastPollAt).not.toBeNull();
  });

  it('application mode: reads a mailbox the app is allowed without anyone signed in', async () => {
    const connectionId = await robotConnection(sandbox, 'application');
    const { id } = await robotMailbox({ connectionId, mailboxAddress: MEGAN.username, webhookUrl: receiver.url });
    expect(await testRobotMailbox(id)).toMatchObject({
      ok: true,
      message: expect.stringContaining(`in ${MEGAN.username} (application permissions)`),
    });
    await sandbox.control.addMessage(MEGAN.username, { subject: 'For the app' });
    expect(await pollNow(id)).toMatchObject({ newMessages: 1, handedOff: 1, actionsDone: 1, error: null });
    expect(sandbox.control.readMailbox(MEGAN.username).find((m) => m.subject === 'For the app')?.isRead).toBe(true);
  });

  it('application blocked by an application access policy: [RAOP], explained', async () => {
    const connectionId = await robotConnection(sandbox, 'application');
    const { id } = await robotMailbox({ connectionId, mailboxAddress: PATTI, webhookUrl: receiver.url });
    const test = await testRobotMailbox(id);
    expect(test).toMatchObject({
      ok: false,
      graphAnswer:
        '403 ErrorAccessDenied: Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    });
    if (test.ok) return;
    expect(test.meaning).toBe(`An Exchange application access policy blocks this app from ${PATTI}.`);
    expect(test.fix).toMatch(/New-ApplicationAccessPolicy/);
    await pollNow(id);
    expect((await db().robotMailbox.findUniqueOrThrow({ where: { id } })).lastErrorExplanation).toMatch(
      /application access policy blocks/,
    );

    // The Exchange administrator lifts the policy: the same mailbox now works.
    sandbox.control.setApplicationAccessPolicy(sandbox.info.clientId, null);
    expect(await testRobotMailbox(id)).toMatchObject({ ok: true });
  });

  it('a message above the MIME limit keeps its fields and attachment list, without the MIME', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated', ADELE);
    const { id } = await robotMailbox({ connectionId, folder: 'Junk Email', webhookUrl: receiver.url });
    const big = Buffer.alloc(MIME_LIMIT_BYTES, 7).toString('base64');
    await sandbox.control.addMessage(ADELE.username, {
      folder: 'junkemail',
      subject: 'Huge scan',
      text: 'see attachment',
      attachments: [{ name: 'scan.tif', contentType: 'image/tiff', contentBase64: big }],
    });
    expect(await pollNow(id)).toMatchObject({ newMessages: 1, handedOff: 1, error: null });
    const message = await db().robotMessage.findFirstOrThrow({ where: { mailboxId: id } });
    expect(message).toMatchObject({ mimeStored: false, mime: null, subject: 'Huge scan', body: 'see attachment' });
    expect(message.mimeSize).toBeGreaterThan(MIME_LIMIT_BYTES);
    expect(JSON.parse(message.attachments)).toEqual([
      { name: 'scan.tif', contentType: 'image/tiff', size: MIME_LIMIT_BYTES, isInline: false },
    ]);
    expect(receiver.accepted().at(-1)?.json.message.mime).toEqual({ size: message.mimeSize, included: false });
  });

  it('a folder that does not exist is named in the explanation', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated', ADELE);
    const { id } = await robotMailbox({ connectionId, folder: 'Inbox/Nope' });
    expect(await testRobotMailbox(id)).toMatchObject({
      ok: false,
      graphAnswer: '404 ErrorItemNotFound: The folder “Nope” was not found.',
      meaning: 'The folder “Inbox/Nope” does not exist in adele@contoso.onmicrosoft.com.',
    });
  });
});
