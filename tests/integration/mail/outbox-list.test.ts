import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSize } from '@/components/ui/format-size';
import { db } from '@/lib/db/prisma';
import { deleteOutboxMessages } from '@/lib/mail/outbox/delete-outbox-messages';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { getOutboxMessages } from '@/lib/mail/outbox/get-outbox-messages';
import { outboxSelectionSchema } from '@/lib/mail/outbox/outbox-selection-schema';
import { resendOutboxMessages } from '@/lib/mail/outbox/resend-outbox-messages';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// The Outbox list: the last answer of sent mail, the size of a message with an attachment, and the multi-select
// Resend and Delete, each message with its own outcome.

const from = { address: 'outbox@contoso.test', name: '' };

async function message(subject: string, state: 'sent' | 'failed' | 'sending', answer: string, attachment?: Buffer) {
  const { id } = await enqueueMessage({
    source: 'api',
    from,
    to: [{ address: 'someone@example.test', name: '' }],
    subject,
    text: 'Hi',
    attachments: attachment ? [{ filename: 'a.txt', contentType: 'text/plain', content: attachment }] : [],
    claimFor: { owner: 'test-owner', leaseMs: 60_000 },
  });
  await db().outboundAttempt.create({
    data: {
      messageId: id,
      number: 1,
      worker: 'test-owner',
      transport: 'smtp',
      outcome: state === 'sending' ? 'in_progress' : state,
      answer,
      finishedAt: new Date(),
    },
  });
  if (state !== 'sending') {
    await db().outboundMessage.update({
      where: { id },
      data: {
        state,
        leaseOwner: null,
        leaseUntil: null,
        ...(state === 'sent' ? { sentAt: new Date() } : { failedAt: new Date(), lastError: answer }),
      },
    });
  }
  return id;
}

describe('Outbox list (SQLite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('shows the server’s answer for sent mail, and a size that counts the attachment', async () => {
    const id = await message(
      'Sent with attachment',
      'sent',
      '250 2.0.0 OK <abc@contoso.test> [Hostname=SANDBOX]',
      Buffer.alloc(3000, 1),
    );
    const { messages } = await getOutboxMessages('sent', 1);
    const row = messages.find((m) => m.id === id);
    expect(row?.attemptLog[0]?.answer).toBe('250 2.0.0 OK <abc@contoso.test> [Hostname=SANDBOX]');
    expect(row?._count.attachments).toBe(1);
    expect(row?.size).toBe(3002);
    expect(formatSize(row?.size ?? 0)).toBe('2.9 KB');
    expect(formatSize(22)).toBe('22 bytes');
  });

  it('Resend and Delete take many messages at once; one being sent is refused, the others go', async () => {
    const failed = [
      await message('Failed one', 'failed', '550 5.7.60'),
      await message('Failed two', 'failed', '550 5.7.60'),
    ];
    const sending = await message('Being sent', 'sending', '');
    const selection = outboxSelectionSchema.parse({ ids: [...failed, sending, failed[0]].join(',') });
    expect(selection.ids).toEqual([...failed, sending]);

    const resent = await resendOutboxMessages(selection.ids);
    expect(resent.map((r) => r.result.ok)).toEqual([true, true, false]);
    const states = await db().outboundMessage.findMany({
      where: { id: { in: failed } },
      select: { state: true, attempts: true },
    });
    expect(states).toEqual([
      { state: 'queued', attempts: 0 },
      { state: 'queued', attempts: 0 },
    ]);

    const deleted = await deleteOutboxMessages(selection.ids);
    expect(deleted.map((r) => r.result.ok)).toEqual([true, true, false]);
    expect(await db().outboundMessage.count({ where: { id: { in: failed } } })).toBe(0);
    expect(await db().outboundMessage.count({ where: { id: sending } })).toBe(1);
  });

  it('refuses an empty or oversized selection, and ids that are not ids', () => {
    expect(outboxSelectionSchema.safeParse({ ids: '' }).success).toBe(false);
    expect(outboxSelectionSchema.safeParse({ ids: 'abc,../x' }).success).toBe(false);
    expect(
      outboxSelectionSchema.safeParse({ ids: Array.from({ length: 201 }, (_, i) => `id${i}`).join(',') }).success,
    ).toBe(false);
  });
});
