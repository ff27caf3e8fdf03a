import 'server-only';
import { directDb } from '@/lib/db/prisma';
import { leaseEnd, leaseRunOutSql } from '@/lib/db/row-lease';
import { sqliteTime } from '@/lib/db/sqlite-time';
import { INTERRUPTED_ANSWER } from './record-attempt-starts';
import { type MessageRow, postgresMessageColumns, SQLITE_MESSAGES_IN } from './load-outbound-contents';

export interface ClaimedMessage {
  id: string;
  /** Attempts in this round, this one included. */
  attempts: number;
  /** Set when the claim also recorded this attempt "in progress" (see `start`): its id. */
  attemptId?: string;
  /**
   * The message as the claim read it, in the same transaction and before recording this attempt (its earlier attempts
   * and the ones left unfinished): the worker then reads nothing more for it (attachments aside).
   */
  row: MessageRow;
}

/** A claimed message as the claiming UPDATE returns it. */
type Claimed = Pick<ClaimedMessage, 'id' | 'attempts'>;

/** Record each claimed message's attempt "in progress" in the same statement. */
export interface StartWith {
  worker: string;
  transport: string;
}

// Due: queued and its time has come, or "sending" under a claim that ran out (its worker died: the row-lease rule of
// lib/db/row-lease.ts); never a test email (its request makes its one attempt, send-test-email.ts). The two kinds
// are read apart, each in the order of its index, so a claim reads about `limit` rows however long the queue is.
const POSTGRES_DUE = (table: string) => `queued AS (
    SELECT "id", "nextAttemptAt" FROM ${table} WHERE "state" = 'queued' AND "nextAttemptAt" <= $3::timestamp AND "source" <> 'test' AND NOT ("id" = ANY($5::text[]))
    ORDER BY "nextAttemptAt" LIMIT $4 FOR UPDATE SKIP LOCKED),
  expired AS (
    SELECT "id", "nextAttemptAt" FROM ${table} WHERE "state" = 'sending' AND ${leaseRunOutSql('$3::timestamp')} AND "source" <> 'test' AND NOT ("id" = ANY($5::text[]))
    ORDER BY "nextAttemptAt" LIMIT $4 FOR UPDATE SKIP LOCKED),
  due AS (SELECT "id" FROM (SELECT * FROM queued UNION ALL SELECT * FROM expired) AS candidates ORDER BY "nextAttemptAt" LIMIT $4),
  claimed AS (
    UPDATE ${table} SET "state" = 'sending', "leaseOwner" = $1, "leaseUntil" = $2::timestamp, "attempts" = "attempts" + 1, "updatedAt" = $3::timestamp
    WHERE "id" IN (SELECT "id" FROM due) RETURNING "id", "attempts")`;

const SQLITE_DUE_IDS = `SELECT "id" FROM (
    SELECT * FROM (SELECT "id", "nextAttemptAt" FROM "OutboundMessage" WHERE "state" = 'queued' AND "nextAttemptAt" <= ?
      AND "source" <> 'test' AND "id" NOT IN (SELECT "value" FROM json_each(?)) ORDER BY "nextAttemptAt" LIMIT ?)
    UNION ALL
    SELECT * FROM (SELECT "id", "nextAttemptAt" FROM "OutboundMessage" WHERE "state" = 'sending' AND ${leaseRunOutSql('?')}
      AND "source" <> 'test' AND "id" NOT IN (SELECT "value" FROM json_each(?)) ORDER BY "nextAttemptAt" LIMIT ?))
  ORDER BY "nextAttemptAt" LIMIT ?`;

async function claimOnPostgres(
  limit: number,
  owner: string,
  now: Date,
  leaseUntil: Date,
  exclude: string[],
  start: StartWith | null,
): Promise<ClaimedMessage[]> {
  const direct = directDb();
  if (direct.provider !== 'postgresql') throw new Error('not PostgreSQL');
  const [table, attempts] = [direct.table('OutboundMessage'), direct.table('OutboundAttempt')];
  const params = [owner, leaseUntil.toISOString(), now.toISOString(), limit, exclude];
  // The message's row is read by the same statement: from the snapshot before it, so the earlier attempts exclude
  // the one recorded here.
  const columns = postgresMessageColumns((t) => direct.table(t));
  const withRows = (rows: (MessageRow & { attempts: number; attemptId?: string | null })[]): ClaimedMessage[] =>
    rows.map((row) => ({
      id: row.id,
      attempts: row.attempts,
      ...(row.attemptId ? { attemptId: row.attemptId } : {}),
      row,
    }));
  if (!start) {
    return withRows(
      await direct.query(
        `WITH ${POSTGRES_DUE(table)} SELECT c."attempts", ${columns} FROM claimed c JOIN ${table} m ON m."id" = c."id"`,
        params,
        'outbox_claim',
      ),
    );
  }
  // One statement: the claim, the earlier worker's unfinished attempts marked, this attempt recorded. Every part
  // reads the snapshot from before the statement, so the count of earlier attempts excludes the new one.
  const rows = await direct.query<MessageRow & { attempts: number; attemptId: string | null }>(
    `WITH ${POSTGRES_DUE(table)},
     interrupted AS (
       UPDATE ${attempts} SET "outcome" = 'interrupted', "finishedAt" = $3::timestamp, "answer" = $8
       WHERE "messageId" IN (SELECT "id" FROM claimed) AND "outcome" = 'in_progress'),
     started AS (
       INSERT INTO ${attempts} ("id", "messageId", "number", "worker", "transport", "startedAt", "outcome")
       SELECT gen_random_uuid()::text, c."id", (SELECT count(*) FROM ${attempts} a WHERE a."messageId" = c."id") + 1, $6, $7, $3::timestamp, 'in_progress'
       FROM claimed c RETURNING "id", "messageId")
     SELECT c."attempts", s."id" AS "attemptId", ${columns}
     FROM claimed c JOIN ${table} m ON m."id" = c."id" LEFT JOIN started s ON s."messageId" = c."id"`,
    [...params, start.worker, start.transport, INTERRUPTED_ANSWER],
    'outbox_claim_and_start',
  );
  return withRows(rows);
}

/**
 * Claims up to `limit` due messages for `owner` until now + leaseMs, in one conditional UPDATE, so that of several
 * workers (processes, instances) exactly one gets each message. PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent
 * workers take different rows instead of waiting on each other. SQLite: one writer at a time (BEGIN IMMEDIATE).
 * `exclude`: messages this worker is still sending. With `start`, the same transaction records the attempt "in
 * progress" for each claimed message (one commit per batch instead of two). Raw SQL: this
 * runs for every batch.
 */
export async function claimDueMessages(
  limit: number,
  owner: string,
  leaseMs: number,
  exclude: string[] = [],
  start: StartWith | null = null,
): Promise<ClaimedMessage[]> {
  if (limit <= 0) return [];
  const now = new Date();
  const leaseUntil = leaseEnd(now, leaseMs);
  const direct = directDb();
  if (direct.provider === 'postgresql') return claimOnPostgres(limit, owner, now, leaseUntil, exclude, start);
  const at = sqliteTime(now);
  const due = [at, JSON.stringify(exclude), limit];
  const claim = {
    sql: `UPDATE "OutboundMessage" SET "state" = 'sending', "leaseOwner" = ?, "leaseUntil" = ?, "attempts" = "attempts" + 1, "updatedAt" = ?
          WHERE "id" IN (${SQLITE_DUE_IDS}) RETURNING "id", "attempts"`,
    params: [owner, sqliteTime(leaseUntil), at, ...due, ...due, limit],
    rows: true,
  };
  // The claimed messages' rows are read in the same transaction, before this attempt is recorded.
  const claimedIds = { ref: 0, column: 'id' };
  const read = { sql: SQLITE_MESSAGES_IN, params: [claimedIds], rows: true };
  // Every claimed message has its row: both are read in one transaction.
  const withRows = (claimed: Claimed[], rows: MessageRow[]): ClaimedMessage[] => {
    const rowOf = new Map(rows.map((r) => [r.id, r]));
    return claimed.flatMap(({ id, attempts }) => {
      const row = rowOf.get(id);
      return row ? [{ id, attempts, row }] : [];
    });
  };
  if (!start) {
    const [claimed, rows] = (await direct.write([claim, read])) as [Claimed[], MessageRow[]];
    return withRows(claimed, rows);
  }
  // One transaction: the claim, the earlier worker's unfinished attempts marked, this attempt recorded.
  const [claimed, rows, , started] = (await direct.write([
    claim,
    read,
    {
      sql: `UPDATE "OutboundAttempt" SET "outcome" = 'interrupted', "finishedAt" = ?, "answer" = ? WHERE "messageId" IN (SELECT "value" FROM json_each(?)) AND "outcome" = 'in_progress'`,
      params: [at, INTERRUPTED_ANSWER, claimedIds],
    },
    {
      sql: `INSERT INTO "OutboundAttempt" ("id", "messageId", "number", "worker", "transport", "startedAt", "outcome")
            SELECT lower(hex(randomblob(16))), s."value", (SELECT count(*) FROM "OutboundAttempt" a WHERE a."messageId" = s."value") + 1, ?, ?, ?, 'in_progress'
            FROM json_each(?) AS s RETURNING "id", "messageId"`,
      params: [start.worker, start.transport, at, claimedIds],
      rows: true,
    },
  ])) as [Claimed[], MessageRow[], number, { id: string; messageId: string }[]];
  const attemptOf = new Map(started.map((a) => [a.messageId, a.id]));
  return withRows(claimed, rows).map((c) => ({ ...c, attemptId: attemptOf.get(c.id) }));
}
