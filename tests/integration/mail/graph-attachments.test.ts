import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { createGraphClient } from '@/lib/entra/create-graph-client';
import { sendGraphDraft } from '@/lib/mail/delivery/send-graph-draft';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { messageState } from './support/message-state';
import { saveSettings } from './support/save-settings';
import { uniqueRecipient } from './support/unique-recipient';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Attachments through Microsoft Graph: inline in sendMail up to its request limit, larger ones through a draft and an
// upload session (which needs Mail.ReadWrite besides Mail.Send).

const SUPPORT = 'support@contoso.onmicrosoft.com';

describe('attachments through Microsoft Graph (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  async function deliver(attachments: { filename: string; content: Buffer }[], bcc: string[] = []) {
    const to = uniqueRecipient();
    const accepted = await enqueueMessage({
      source: 'api',
      from: { address: SUPPORT, name: 'Contoso Support' },
      to: [{ address: to, name: '' }],
      bcc: bcc.map((address) => ({ address, name: '' })),
      subject: 'With attachments',
      text: 'See attached.',
      attachments: attachments.map((a) => ({ ...a, contentType: 'application/octet-stream' })),
    });
    const worker = startOutboxWorker({ pollIntervalMs: 50 });
    try {
      const row = await waitFor(
        'an outcome',
        async () => {
          const state = await messageState(accepted.id);
          return state.state === 'sent' || state.state === 'failed' ? state : undefined;
        },
        30_000,
      );
      return { row, to };
    } finally {
      await worker.stop();
    }
  }

  it('sends small attachments inside sendMail, and Bcc recipients get the message', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    await saveSettings({ connectionType: 'graph', connectionId, mailboxAddress: SUPPORT, senderAddress: SUPPORT });
    const small = crypto.randomBytes(100_000);
    const hidden = uniqueRecipient('bcc');
    const { row, to } = await deliver([{ filename: 'small.bin', content: small }], [hidden]);
    expect(row.state).toBe('sent');
    expect(row.attemptLog[0]?.answer).toMatch(/^202 Accepted by Microsoft Graph/);
    const [message] = suite.sandbox.control.readMailbox(to);
    expect(message?.attachments).toEqual([
      { name: 'small.bin', contentType: 'application/octet-stream', size: small.length },
    ]);
    expect(message?.internetMessageId).toBe(row.messageIdHeader);
    expect(suite.sandbox.control.readMailbox(hidden)).toHaveLength(1);
  });

  it('uploads a large attachment through an upload session and sends the draft', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    await saveSettings({ connectionType: 'graph', connectionId, mailboxAddress: SUPPORT, senderAddress: SUPPORT });
    const large = crypto.randomBytes(5 * 1024 * 1024);
    const small = crypto.randomBytes(10_000);
    const { row, to } = await deliver([
      { filename: 'large.bin', content: large },
      { filename: 'small.bin', content: small },
    ]);
    expect(row).toMatchObject({ state: 'sent', graphDraftId: null, providerMessageId: expect.any(String) });
    expect(row.attemptLog[0]?.answer).toMatch(/Draft sent by Microsoft Graph/);
    const [message] = suite.sandbox.control.readMailbox(to);
    expect(message?.attachments.map((a) => [a.name, a.size]).sort()).toEqual([
      ['large.bin', large.length],
      ['small.bin', small.length],
    ]);
    expect(message?.internetMessageId).toBe(row.messageIdHeader);
    expect(suite.sandbox.control.readMailbox(SUPPORT, 'drafts')).toHaveLength(0);
  });

  it('explains that a large message needs Mail.ReadWrite when the connection has only Mail.Send', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    await saveSettings({ connectionType: 'graph', connectionId, senderAddress: ADELE.username });
    const { row } = await deliver([{ filename: 'large.bin', content: crypto.randomBytes(4 * 1024 * 1024) }]);
    expect(row).toMatchObject({ state: 'failed', lastErrorCode: '403 ErrorAccessDenied' });
  });

  it('after a crash, drops a draft that was not sent and does not send again one that was', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    const token = await getAccessToken(connectionId, { resource: 'https://graph.microsoft.com' });
    if (!token.ok) throw new Error(token.message);
    const client = createGraphClient(suite.sandbox.info.graphBaseUrl, async () => token.accessToken);
    const to = uniqueRecipient();
    const message = {
      id: 'm1',
      messageIdHeader: `<${crypto.randomUUID()}@contoso.onmicrosoft.com>`,
      createdAt: new Date(),
      from: { address: SUPPORT, name: '' },
      to: [{ address: to, name: '' }],
      cc: [],
      bcc: [],
      replyTo: [],
      subject: 'Crash-safe draft',
      text: 'x',
      html: null,
      attachments: [
        {
          filename: 'large.bin',
          contentType: 'application/octet-stream',
          contentId: null,
          inline: false,
          content: crypto.randomBytes(4 * 1024 * 1024),
        },
      ],
    };
    const base = `/users/${SUPPORT}`;
    // The first attempt stops right after it stored the draft's id (the process died there).
    let stored: string | null = null;
    const crash = new Error('killed');
    await expect(
      sendGraphDraft(client, base, message, {
        previous: null,
        save: async (id) => {
          stored = id;
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(stored).not.toBeNull();
    expect(suite.sandbox.control.readMailbox(SUPPORT, 'drafts')).toHaveLength(1);

    const saves: (string | null)[] = [];
    const second = await sendGraphDraft(client, base, message, {
      previous: stored,
      save: async (id) => void saves.push(id),
    });
    expect(second).toMatchObject({ kind: 'sent' });
    expect(saves[0]).toBeNull();
    expect(suite.sandbox.control.readMailbox(SUPPORT, 'drafts')).toHaveLength(0);
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(1);

    // The process died after the draft was sent but before that was recorded: nothing is sent again.
    const sentDraft = saves[1] ?? null;
    const third = await sendGraphDraft(client, base, message, { previous: sentDraft, save: async () => undefined });
    expect(third).toMatchObject({ kind: 'sent', answer: expect.stringMatching(/no longer in Drafts/) });
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(1);
  });
});
