import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, directDb } from '@/lib/db/prisma';
import { statementCounter } from '@/lib/db/statement-counter';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { claimDueMessages } from '@/lib/mail/outbox/claim-due-messages';
import type { ClaimedMessage } from '@/lib/mail/outbox/claimed-message';
import { createOutcomeCommitter } from '@/lib/mail/outbox/create-outcome-committer';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { DEFAULT_OUTBOX_POLICY } from '@/lib/mail/outbox/outbox-policy';
import { postgresOutcomes } from '@/lib/mail/outbox/outcome-statements';
import { writeOutboxRound } from '@/lib/mail/outbox/write-outbox-round';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// The worker writes in rounds: the outcomes of the attempts that finished, and its next claim. SQLite: one transaction
// for both. PostgreSQL: a statement each, side by side on the pool. Counted the way the benchmark counts: SQLite's
// BEGIN and COMMIT included.

const LEASE_MS = 60_000;
const SENT: DeliveryOutcome = {
  kind: 'sent',
  code: '250 2.0.0',
  answer: '250 2.0.0 OK queued as X',
  providerMessageId: 'X',
};
const start = (worker: string) => ({ worker, transport: 'smtp' });

async function enqueue(count: number, tag: string): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await enqueueMessage({
      source: 'api',
      from: { address: 'outbox@contoso.test', name: '' },
      to: [{ address: `${tag}${i}@example.test`, name: '' }],
      subject: `${tag} ${i}`,
      text: 'x',
    });
  }
}

/** Statements sent while `fn` runs. */
async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statementCounter.count;
  const result = await fn();
  return { result, statements: statementCounter.count - before };
}

const sentRow = (claimed: ClaimedMessage) => ({
  messageId: claimed.id,
  attemptId: claimed.attemptId ?? null,
  state: 'sent' as const,
  nextAttemptAt: null,
  giveBack: 0 as const,
  lastError: null,
  lastErrorCode: null,
  providerMessageId: 'X',
  outcome: 'sent',
  code: '250 2.0.0',
  answer: '250 2.0.0 OK queued as X',
  retryAt: null,
});

describe.each(PROVIDERS)('outbox rounds (%s)', (provider) => {
  let database: TestDatabase;
  // SQLite: the outcomes' two steps and the claim's four in one BEGIN … COMMIT (two transactions would be 12).
  const oneRound = provider === 'postgresql' ? 2 : 8;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
  });
  afterAll(async () => database?.cleanup());

  it('writes the outcomes and claims the next messages in one round, never claiming a message it writes', async () => {
    await enqueue(6, 'round');
    const first = await claimDueMessages(3, 'round-worker', LEASE_MS, [], start('round-worker'));
    expect(first).toHaveLength(3);
    // One of the three was taken over meanwhile (its claim ran out and another worker has it): it must not change.
    const lost = first[2]!;
    await db().outboundMessage.update({ where: { id: lost.id }, data: { leaseOwner: 'another-worker' } });
    const ids = first.map((c) => c.id);
    const { result: round, statements } = await statementsOf(() =>
      writeOutboxRound('round-worker', first.map(sentRow), new Date(), {
        limit: 10,
        leaseMs: LEASE_MS,
        exclude: ids,
        start: start('round-worker'),
      }),
    );
    expect(statements).toBe(oneRound);
    expect([...round.changed].sort()).toEqual(ids.slice(0, 2).sort());
    expect(round.claimed).toHaveLength(3);
    expect(round.claimed.map((c) => c.id).filter((id) => ids.includes(id))).toEqual([]);
    for (const claimed of round.claimed) {
      expect(claimed.attempts).toBe(1);
      expect(claimed.row.subject).toMatch(/^round \d$/);
      expect(claimed.attemptId).toEqual(expect.any(String));
    }
    const messages = await db().outboundMessage.findMany({ where: { subject: { startsWith: 'round ' } } });
    const stateOf = new Map(messages.map((m) => [m.id, m]));
    for (const id of ids.slice(0, 2)) {
      expect(stateOf.get(id)).toMatchObject({ state: 'sent', leaseOwner: null, providerMessageId: 'X' });
      expect(stateOf.get(id)?.sentAt).not.toBeNull();
    }
    expect(stateOf.get(lost.id)).toMatchObject({ state: 'sending', leaseOwner: 'another-worker', sentAt: null });
    for (const claimed of round.claimed)
      expect(stateOf.get(claimed.id)).toMatchObject({ state: 'sending', leaseOwner: 'round-worker' });
    // Every attempt is recorded, the lost claim's too; the new ones are in progress.
    const attempts = await db().outboundAttempt.findMany({ where: { messageId: { in: messages.map((m) => m.id) } } });
    expect(attempts.filter((a) => ids.includes(a.messageId)).map((a) => a.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(attempts.filter((a) => !ids.includes(a.messageId)).map((a) => a.outcome)).toEqual([
      'in_progress',
      'in_progress',
      'in_progress',
    ]);
  });

  it('the committer writes the outcomes and a claim asked in the same turn in one round', async () => {
    await enqueue(4, 'turn');
    const committer = createOutcomeCommitter('turn-worker', DEFAULT_OUTBOX_POLICY);
    const first = await claimDueMessages(2, 'turn-worker', LEASE_MS, [], start('turn-worker'));
    const ids = first.map((c) => c.id);
    const { result, statements } = await statementsOf(() =>
      Promise.all([
        Promise.all(first.map((c) => committer.record(c, c.attemptId ?? null, SENT))),
        committer.claim(() => ({ limit: 5, exclude: ids, start: start('turn-worker') })),
      ]),
    );
    const [reports, claimed] = result;
    expect(statements).toBe(oneRound);
    expect(reports.map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(claimed.map((c) => c.row.subject).sort()).toEqual(['turn 2', 'turn 3']);
  });

  it('a claim asked while a round is being written: in the next round (SQLite), at once beside it (PostgreSQL)', async () => {
    await enqueue(4, 'busy');
    const committer = createOutcomeCommitter('busy-worker', DEFAULT_OUTBOX_POLICY);
    const first = await claimDueMessages(2, 'busy-worker', LEASE_MS, [], start('busy-worker'));
    const ids = first.map((c) => c.id);
    const { result, statements } = await statementsOf(async () => {
      const reports = Promise.all(first.map((c) => committer.record(c, c.attemptId ?? null, SENT)));
      // The outcomes' round starts after this turn; the claim is asked once it is under way.
      await new Promise((resolve) => setImmediate(resolve));
      const claimed = committer.claim(() => ({ limit: 5, exclude: ids, start: start('busy-worker') }));
      return Promise.all([reports, claimed]);
    });
    const [reports, claimed] = result;
    // SQLite: the outcomes' transaction, then the claim's; PostgreSQL: a statement each.
    expect(statements).toBe(provider === 'postgresql' ? 2 : 4 + 6);
    expect(reports.map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(claimed.map((c) => c.row.subject).sort()).toEqual(['busy 2', 'busy 3']);
  });
});

describe('outbox outcomes on a long history (postgresql)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('postgresql');
  });
  afterAll(async () => database?.cleanup());

  it('reach the attempts and the messages by their primary keys, not by reading every attempt', async () => {
    // A history of 5,000 sent messages with an attempt each, as statistics describe it after autovacuum's ANALYZE.
    const direct = directDb();
    if (direct.provider !== 'postgresql') throw new Error('PostgreSQL expected');
    const [messages, attempts] = [direct.table('OutboundMessage'), direct.table('OutboundAttempt')];
    await direct.query(
      `INSERT INTO ${messages} ("id", "source", "state", "fromAddress", "toRecipients", "messageIdHeader", "updatedAt", "sentAt")
       SELECT 'old' || n, 'api', 'sent', 'outbox@contoso.test', '[]', '<old' || n || '@contoso.test>', now(), now()
       FROM generate_series(1, 5000) AS n`,
      [],
    );
    await direct.query(
      `INSERT INTO ${attempts} ("id", "messageId", "number", "worker", "transport", "outcome", "finishedAt")
       SELECT 'old-attempt' || n, 'old' || n, 1, 'old-worker', 'smtp', 'sent', now() FROM generate_series(1, 5000) AS n`,
      [],
    );
    await direct.query(`ANALYZE ${messages}, ${attempts}`, []);
    await enqueue(4, 'history');
    const claimed = await claimDueMessages(4, 'history-worker', LEASE_MS, [], start('history-worker'));
    const { sql, params } = postgresOutcomes(direct, 'history-worker', claimed.map(sentRow), new Date());
    const [explained] = await direct.query<{ 'QUERY PLAN': PlanNode[] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const plan = explained!['QUERY PLAN'];
    const scans = scansOf(plan[0]!.Plan);
    expect(scans.filter((s) => s.type === 'Seq Scan')).toEqual([]);
    expect(scans.map((s) => s.index)).toContain('OutboundAttempt_pkey');
    // And the statement does what it did.
    const round = await writeOutboxRound('history-worker', claimed.map(sentRow), new Date(), null);
    expect([...round.changed].sort()).toEqual(claimed.map((c) => c.id).sort());
  });
});

interface PlanNode {
  Plan: PlanTree;
}
interface PlanTree {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanTree[];
}

/** Every node of a plan that reads a table or an index: its kind, table and index. */
function scansOf(node: PlanTree): { type: string; relation: string | null; index: string | null }[] {
  const own =
    node['Relation Name'] || node['Index Name']
      ? [{ type: node['Node Type'], relation: node['Relation Name'] ?? null, index: node['Index Name'] ?? null }]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)].filter((s) => s.type !== 'ModifyTable');
}
