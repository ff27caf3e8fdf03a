import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { getDatabaseSize } from '@/lib/db/get-database-size';
import { takeJobLease } from '@/lib/jobs/take-job-lease';
import { resendOutboxMessage } from '@/lib/mail/outbox/resend-outbox-message';
import { giveBackSqliteSpace } from '@/lib/retention/give-back-sqlite-space';
import { purgeExpiredData } from '@/lib/retention/purge-expired-data';
import { storeRobotMessage } from '@/lib/robot/store-robot-message';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { seedMailbox } from './support/seed-mailbox';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Retention with a controlled clock: rows are written with dates relative to a fixed "now", the purge runs at that
// now with the default ages, and every row is checked: what is due is gone (or emptied), everything else is intact.

const NOW = new Date('2027-06-01T12:00:00Z');
const POLICY = { bodyDays: 30, recordDays: 90, auditDays: 365 };
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

async function outbound(name: string, state: string, at: Date) {
  const message = await db().outboundMessage.create({
    data: {
      source: 'api',
      state,
      fromAddress: 'robot@contoso.test',
      toRecipients: '[{"address":"ann@example.test","name":""}]',
      subject: name,
      textBody: `text of ${name}`,
      htmlBody: `<p>${name}</p>`,
      messageIdHeader: `<${name}@test>`,
      createdAt: at,
      sentAt: state === 'sent' ? at : null,
      failedAt: state === 'failed' ? at : null,
      attachments: {
        create: [
          {
            position: 0,
            filename: `${name}.bin`,
            contentType: 'application/octet-stream',
            size: 3,
            content: new Uint8Array([1, 2, 3]),
          },
        ],
      },
      attemptLog: {
        create: [
          {
            number: 1,
            worker: 'test',
            transport: 'smtp',
            outcome: state === 'sent' ? 'sent' : 'failed',
            startedAt: at,
          },
        ],
      },
    },
  });
  return message.id;
}

async function inbound(mailboxId: string, name: string, handoffState: string, at: Date) {
  const message = await db().robotMessage.create({
    data: {
      mailboxId,
      internetMessageId: `<${name}@mail.test>`,
      graphMessageId: `graph-${name}`,
      subject: name,
      fromAddress: 'sender@example.test',
      receivedAt: at,
      createdAt: at,
      body: `body of ${name}`,
      mime: new Uint8Array(Buffer.from(`Subject: ${name}\r\n\r\nbody`)),
      mimeSize: 20,
      mimeStored: true,
      searchText: name.toLowerCase(),
      handoffState,
    },
  });
  return message.id;
}

describe.each(PROVIDERS)('retention (%s)', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('purges what is due at the given time, in batches, and nothing else', async () => {
    const ids = {
      sentRecent: await outbound('sent-29d', 'sent', daysAgo(29)),
      sentBody: await outbound('sent-31d', 'sent', daysAgo(31)),
      sentBody2: await outbound('sent-60d', 'sent', daysAgo(60)),
      sentRecord: await outbound('sent-91d', 'sent', daysAgo(91)),
      sentRecord2: await outbound('sent-200d', 'sent', daysAgo(200)),
      failedOld: await outbound('failed-400d', 'failed', daysAgo(400)),
      queuedOld: await outbound('queued-100d', 'queued', daysAgo(100)),
    };
    const mailboxId = await seedMailbox('Orders', { webhookUrl: 'https://hooks.example.test/in' });
    const robot = {
      recent: await inbound(mailboxId, 'in-10d', 'delivered', daysAgo(10)),
      body: await inbound(mailboxId, 'in-31d', 'delivered', daysAgo(31)),
      tombstone: await inbound(mailboxId, 'in-91d', 'not_configured', daysAgo(91)),
      pending: await inbound(mailboxId, 'in-pending-200d', 'pending', daysAgo(200)),
    };
    const audit = {
      kept: (await db().auditEvent.create({ data: { action: 'test.kept', summary: 'kept', createdAt: daysAgo(364) } }))
        .id,
      gone: (await db().auditEvent.create({ data: { action: 'test.gone', summary: 'gone', createdAt: daysAgo(366) } }))
        .id,
      gone2: (
        await db().auditEvent.create({ data: { action: 'test.gone', summary: 'gone too', createdAt: daysAgo(500) } })
      ).id,
    };

    let batches = 0;
    const result = await purgeExpiredData({
      now: NOW,
      policy: POLICY,
      batchSize: 1,
      keepGoing: async () => (++batches, true),
    });
    expect(result).toEqual({
      outboxBodies: 2,
      outboxRecords: 2,
      robotBodies: 1,
      robotTombstones: 1,
      auditEvents: 2,
      complete: true,
    });
    expect(batches).toBe(8);

    const outbox = new Map(
      (await db().outboundMessage.findMany({ include: { attachments: true, attemptLog: true } })).map((m) => [m.id, m]),
    );
    expect([...outbox.keys()].sort()).toEqual(
      [ids.sentRecent, ids.sentBody, ids.sentBody2, ids.failedOld, ids.queuedOld].sort(),
    );
    for (const id of [ids.sentBody, ids.sentBody2]) {
      expect(outbox.get(id)).toMatchObject({
        textBody: null,
        htmlBody: null,
        attachments: [],
        bodyPurgedAt: NOW,
        state: 'sent',
      });
      expect(outbox.get(id)?.attemptLog).toHaveLength(1);
    }
    for (const id of [ids.sentRecent, ids.failedOld, ids.queuedOld]) {
      expect(outbox.get(id)?.textBody).toMatch(/^text of /);
      expect(outbox.get(id)?.attachments).toHaveLength(1);
      expect(outbox.get(id)?.bodyPurgedAt).toBeNull();
    }
    expect(await db().outboundAttempt.count({ where: { messageId: { in: [ids.sentRecord, ids.sentRecord2] } } })).toBe(
      0,
    );
    // A message without its body cannot be sent again as if it were whole.
    expect(await resendOutboxMessage(ids.sentBody)).toMatchObject({
      ok: false,
      message: expect.stringContaining('retention'),
    });
    expect(await db().outboundAttachment.count()).toBe(3);

    const inboundRows = new Map((await db().robotMessage.findMany()).map((m) => [m.id, m]));
    expect(inboundRows.size).toBe(4);
    expect(inboundRows.get(robot.recent)).toMatchObject({
      body: 'body of in-10d',
      mimeStored: true,
      bodyPurgedAt: null,
      purgedAt: null,
    });
    expect(inboundRows.get(robot.pending)).toMatchObject({
      body: 'body of in-pending-200d',
      mimeStored: true,
      bodyPurgedAt: null,
      purgedAt: null,
    });
    expect(inboundRows.get(robot.body)).toMatchObject({
      body: '',
      mime: null,
      mimeStored: false,
      subject: 'in-31d',
      bodyPurgedAt: NOW,
      purgedAt: null,
    });
    expect(inboundRows.get(robot.tombstone)).toMatchObject({
      internetMessageId: '<in-91d@mail.test>',
      subject: '',
      fromAddress: '',
      body: '',
      mime: null,
      searchText: '',
      purgedAt: NOW,
    });

    expect((await db().auditEvent.findMany({ select: { id: true } })).map((e) => e.id)).toEqual([audit.kept]);

    // A second run at the same time finds nothing more to do.
    expect(await purgeExpiredData({ now: NOW, policy: POLICY })).toEqual({
      outboxBodies: 0,
      outboxRecords: 0,
      robotBodies: 0,
      robotTombstones: 0,
      auditEvents: 0,
      complete: true,
    });
  });

  it('never stores a tombstoned message again when a delta resync brings it back', async () => {
    const mailbox = await db().robotMailbox.findFirstOrThrow({ where: { name: 'Orders' } });
    const again = await storeRobotMessage(
      mailbox,
      {
        id: 'graph-in-91d-after-resync',
        internetMessageId: '<in-91d@mail.test>',
        subject: 'in-91d',
        receivedDateTime: daysAgo(91).toISOString(),
      },
      { bytes: null, size: 0 },
      [],
    );
    expect(again).toBe('duplicate');
    expect(await db().robotMessage.count({ where: { internetMessageId: '<in-91d@mail.test>' } })).toBe(1);
  });

  it('stops between batches when the lease is lost, and one instance at a time holds the lease', async () => {
    for (let i = 0; i < 3; i++)
      await db().auditEvent.create({ data: { action: 'test.old', summary: `old ${i}`, createdAt: daysAgo(400) } });
    const stopped = await purgeExpiredData({ now: NOW, policy: POLICY, batchSize: 1, keepGoing: async () => false });
    expect(stopped).toMatchObject({ auditEvents: 1, complete: false });

    const taken = await Promise.all(
      ['a', 'b', 'c', 'd'].map((owner) => takeJobLease('retention-test', owner, 60_000, NOW)),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
    const holder = ['a', 'b', 'c', 'd'][taken.indexOf(true)] ?? '';
    expect(await takeJobLease('retention-test', holder, 60_000, NOW)).toBe(true);
    expect(await takeJobLease('retention-test', 'other', 60_000, new Date(NOW.getTime() + 30_000))).toBe(false);
    expect(await takeJobLease('retention-test', 'other', 60_000, new Date(NOW.getTime() + 61_000))).toBe(true);
  });

  it('reports the database size and, on SQLite, gives freed pages back in steps', async () => {
    const big = Buffer.alloc(2_000_000, 7);
    const id = await outbound('big', 'sent', daysAgo(100));
    await db().outboundAttachment.create({
      data: {
        messageId: id,
        position: 1,
        filename: 'big.bin',
        contentType: 'application/octet-stream',
        size: big.length,
        content: new Uint8Array(big),
      },
    });
    const before = await getDatabaseSize();
    expect(before.provider).toBe(provider);
    expect(before.bytes).toBeGreaterThan(big.length);
    await purgeExpiredData({ now: NOW, policy: POLICY });
    const space = await giveBackSqliteSpace({ pagesPerStep: 64 });
    const after = await getDatabaseSize();
    if (provider === 'sqlite') {
      expect(space.mode).toBe('incremental');
      expect(space.pages).toBeGreaterThan(big.length / 4096 / 2);
      expect(after.bytes).toBeLessThan(before.bytes - big.length / 2);
      expect(after.freeBytes).toBe(0);
    } else {
      expect(space.mode).toBe('not-sqlite');
    }
  });
});
