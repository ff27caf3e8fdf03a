import 'server-only';
import type { PostgresDirect } from '@/lib/db/open-postgres-direct';
import type { SqliteStep } from '@/lib/db/open-sqlite-direct';
import { leaseEnd, leaseRunOutSql } from '@/lib/db/row-lease';
import { sqliteTime } from '@/lib/db/sqlite-time';
import type { ClaimedMessage, ClaimRequest } from './claimed-message';
import { INTERRUPTED_ANSWER } from './record-attempt-starts';
import { type MessageRow, postgresMessageColumns, SQLITE_MESSAGES_IN } from './load-outbound-contents';

// The claim's SQL, written in a round with the outcomes (write-outbox-round.ts). Due: queued and its time has
// come, or "sending" under a claim that ran out (its worker died: the row-lease rule of lib/db/row-lease.ts); never a
// test email (its request makes its one attempt, send-test-email.ts). The two kinds are read apart, each in the order
// of its index, so a claim reads about `limit` rows however long the queue is. The claimed messages' rows are read
// in the same statement (PostgreSQL: from the snapshot before it) or transaction (SQLite: before the attempt is
// recorded), so the count of earlier attempts excludes the one recorded here. With `start`, the earlier worker's
// unfinished attempts are marked and this attempt is recorded "in progress" too.

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

const POSTGRES_START = (attempts: string) => `interrupted AS (
    UPDATE ${attempts} SET "outcome" = 'interrupted', "finishedAt" = $3::timestamp, "answer" = $8
    WHERE "messageId" IN (SELECT "id" FROM claimed) AND "outcome" = 'in_progress'),
  started AS (
    INSERT INTO ${attempts} ("id", "messageId", "number", "worker", "transport", "startedAt", "outcome")
    SELECT gen_random_uuid()::text, c."id", (SELECT count(*) FROM ${attempts} a WHERE a."messageId" = c."id") + 1, $6, $7, $3::timestamp, 'in_progress'
    FROM claimed c RETURNING "id", "messageId")`;

const SQLITE_DUE_IDS = `SELECT "id" FROM (
    SELECT * FROM (SELECT "id", "nextAttemptAt" FROM "OutboundMessage" WHERE "state" = 'queued' AND "nextAttemptAt" <= ?
      AND "source" <> 'test' AND "id" NOT IN (SELECT "value" FROM json_each(?)) ORDER BY "nextAttemptAt" LIMIT ?)
    UNION ALL
    SELECT * FROM (SELECT "id", "nextAttemptAt" FROM "OutboundMessage" WHERE "state" = 'sending' AND ${leaseRunOutSql('?')}
      AND "source" <> 'test' AND "id" NOT IN (SELECT "value" FROM json_each(?)) ORDER BY "nextAttemptAt" LIMIT ?))
  ORDER BY "nextAttemptAt" LIMIT ?`;

export type ClaimedRow = MessageRow & { attempts: number; attemptId?: string | null };

/** PostgreSQL: the claim as one statement (a prepared one, by `name`), and how its rows become claimed messages. */
export function postgresClaim(direct: PostgresDirect, owner: string, now: Date, request: ClaimRequest) {
  const [table, attempts] = [direct.table('OutboundMessage'), direct.table('OutboundAttempt')];
  const { start } = request;
  const params: unknown[] = [
    owner,
    leaseEnd(now, request.leaseMs).toISOString(),
    now.toISOString(),
    request.limit,
    request.exclude,
  ];
  if (start) params.push(start.worker, start.transport, INTERRUPTED_ANSWER);
  const columns = postgresMessageColumns((t) => direct.table(t));
  const select = start
    ? `SELECT c."attempts", s."id" AS "attemptId", ${columns}
       FROM claimed c JOIN ${table} m ON m."id" = c."id" LEFT JOIN started s ON s."messageId" = c."id"`
    : `SELECT c."attempts", ${columns} FROM claimed c JOIN ${table} m ON m."id" = c."id"`;
  return {
    sql: `WITH ${start ? `${POSTGRES_DUE(table)},\n  ${POSTGRES_START(attempts)}` : POSTGRES_DUE(table)} ${select}`,
    name: start ? 'outbox_claim_and_start' : 'outbox_claim',
    params,
    claimedOf: (rows: ClaimedRow[]): ClaimedMessage[] =>
      rows.map((row) => ({
        id: row.id,
        attempts: row.attempts,
        ...(row.attemptId ? { attemptId: row.attemptId } : {}),
        row,
      })),
  };
}

/**
 * SQLite: the claim's steps in a write (their results from index `first` on: an earlier step's rows are referred to
 * by index), and how those results become claimed messages.
 */
export function sqliteClaim(owner: string, now: Date, request: ClaimRequest, first: number) {
  const at = sqliteTime(now);
  const due = [at, JSON.stringify(request.exclude), request.limit];
  const claimedIds = { ref: first, column: 'id' };
  const steps: SqliteStep[] = [
    {
      sql: `UPDATE "OutboundMessage" SET "state" = 'sending', "leaseOwner" = ?, "leaseUntil" = ?, "attempts" = "attempts" + 1, "updatedAt" = ?
            WHERE "id" IN (${SQLITE_DUE_IDS}) RETURNING "id", "attempts"`,
      params: [owner, sqliteTime(leaseEnd(now, request.leaseMs)), at, ...due, ...due, request.limit],
      rows: true,
    },
    { sql: SQLITE_MESSAGES_IN, params: [claimedIds], rows: true },
  ];
  const { start } = request;
  if (start) {
    steps.push(
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
    );
  }
  return {
    steps,
    claimedOf(results: unknown[]): ClaimedMessage[] {
      const claimed = results[first] as Pick<ClaimedMessage, 'id' | 'attempts'>[];
      const rowOf = new Map((results[first + 1] as MessageRow[]).map((r) => [r.id, r]));
      const attemptOf = start
        ? new Map((results[first + 3] as { id: string; messageId: string }[]).map((a) => [a.messageId, a.id]))
        : null;
      // Every claimed message has its row: both are read in one transaction.
      return claimed.flatMap(({ id, attempts }) => {
        const row = rowOf.get(id);
        const attemptId = attemptOf?.get(id);
        return row ? [{ id, attempts, row, ...(attemptId ? { attemptId } : {}) }] : [];
      });
    },
  };
}
