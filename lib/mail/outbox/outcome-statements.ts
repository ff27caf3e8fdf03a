import 'server-only';
import type { PostgresDirect } from '@/lib/db/open-postgres-direct';
import type { SqliteStep } from '@/lib/db/open-sqlite-direct';
import { sqliteTime } from '@/lib/db/sqlite-time';

// The outcomes' SQL, written in a round with the next claim (write-outbox-round.ts): two statements' worth, whatever
// the number of outcomes. A message changes only while the worker still holds its claim; the messages that
// changed are returned (the others' claim was lost, e.g. after a long pause, and another worker has them now). Every
// attempt is recorded either way.

/** One finished attempt: the message's new state and the attempt's record. */
export interface OutcomeRow {
  messageId: string;
  attemptId: string | null;
  state: 'sent' | 'queued' | 'failed';
  /** When queued again. */
  nextAttemptAt: Date | null;
  /** 1 when the round's attempt count is given back (waiting for an administrator is not an attempt). */
  giveBack: 0 | 1;
  lastError: string | null;
  lastErrorCode: string | null;
  providerMessageId: string | null;
  outcome: string;
  code: string | null;
  answer: string | null;
  retryAt: Date | null;
}

// Sent clears the error, the test settings and the Graph draft; every outcome releases the claim.
const MESSAGE_SET = (now: string, m: string) => `"state" = o."state",
  "nextAttemptAt" = COALESCE(o."next", ${m}."nextAttemptAt"),
  "attempts" = ${m}."attempts" - o."giveBack",
  "lastError" = o."lastError", "lastErrorCode" = o."lastErrorCode",
  "sentAt" = CASE WHEN o."state" = 'sent' THEN ${now} ELSE ${m}."sentAt" END,
  "failedAt" = CASE WHEN o."state" = 'failed' THEN ${now} ELSE ${m}."failedAt" END,
  "providerMessageId" = CASE WHEN o."state" = 'sent' THEN o."providerMessageId" ELSE ${m}."providerMessageId" END,
  "transportOverride" = CASE WHEN o."state" = 'sent' THEN NULL ELSE ${m}."transportOverride" END,
  "graphDraftId" = CASE WHEN o."state" = 'sent' THEN NULL ELSE ${m}."graphDraftId" END,
  "leaseOwner" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}`;

const FIELDS = [
  'messageId',
  'attemptId',
  'state',
  'next',
  'giveBack',
  'lastError',
  'lastErrorCode',
  'providerMessageId',
  'outcome',
  'code',
  'answer',
  'retryAt',
];

/** The outcomes as one JSON parameter, with times as each database reads them. */
function payloadOf(rows: OutcomeRow[], time: (date: Date) => string): string {
  const at = (date: Date | null) => (date ? time(date) : null);
  return JSON.stringify(
    rows.map((r) => ({ ...r, next: at(r.nextAttemptAt), retryAt: at(r.retryAt), nextAttemptAt: undefined })),
  );
}

/**
 * PostgreSQL: the outcomes as one statement; its rows are the ids of the messages that changed. The planner takes
 * jsonb_to_recordset for 100 rows whatever it holds: joined on that alone, it read the whole attempts table (a hash
 * join) and, for the messages, every index entry of the state "sending" (one per message sent since the last vacuum,
 * through the lease owner's index too), costlier with each message sent. The ids as arrays as well lead it to the
 * primary keys; the owner compared with IS NOT DISTINCT FROM (the same here: an owner is never null) keeps it off
 * the lease owner's index.
 */
export function postgresOutcomes(direct: PostgresDirect, owner: string, rows: OutcomeRow[], now: Date) {
  const [messages, attempts] = [direct.table('OutboundMessage'), direct.table('OutboundAttempt')];
  return {
    sql: `WITH o AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("messageId" text, "attemptId" text, "state" text, "next" timestamp, "giveBack" int, "lastError" text,
           "lastErrorCode" text, "providerMessageId" text, "outcome" text, "code" text, "answer" text, "retryAt" timestamp)),
       finished AS (
         UPDATE ${attempts} AS t SET "finishedAt" = $2::timestamp, "outcome" = o."outcome", "code" = o."code", "answer" = o."answer", "retryAt" = o."retryAt"
         FROM o WHERE t."id" = ANY($4::text[]) AND t."id" = o."attemptId")
       UPDATE ${messages} AS m SET ${MESSAGE_SET('$2::timestamp', 'm')}
       FROM o WHERE m."id" = ANY($5::text[]) AND m."id" = o."messageId" AND m."leaseOwner" IS NOT DISTINCT FROM $3 AND m."state" = 'sending'
       RETURNING m."id"`,
    params: [
      payloadOf(rows, (d) => d.toISOString()),
      now.toISOString(),
      owner,
      rows.flatMap((r) => (r.attemptId ? [r.attemptId] : [])),
      rows.map((r) => r.messageId),
    ],
  };
}

/** SQLite: the outcomes as two steps of a write; the second one's rows are the ids of the messages that changed. */
export function sqliteOutcomes(owner: string, rows: OutcomeRow[], now: Date): SqliteStep[] {
  const payload = payloadOf(rows, sqliteTime);
  const columns = FIELDS.map((f) => `json_extract("value", '$.${f}') AS "${f}"`).join(', ');
  const at = sqliteTime(now);
  return [
    {
      sql: `UPDATE "OutboundAttempt" SET "finishedAt" = ?, "outcome" = o."outcome", "code" = o."code", "answer" = o."answer", "retryAt" = o."retryAt"
            FROM (SELECT ${columns} FROM json_each(?)) AS o WHERE "OutboundAttempt"."id" = o."attemptId"`,
      params: [at, payload],
    },
    {
      sql: `UPDATE "OutboundMessage" SET ${MESSAGE_SET('?', '"OutboundMessage"')}
            FROM (SELECT ${columns} FROM json_each(?)) AS o
            WHERE "OutboundMessage"."id" = o."messageId" AND "OutboundMessage"."leaseOwner" = ? AND "OutboundMessage"."state" = 'sending'
            RETURNING "id"`,
      params: [at, at, at, payload, owner],
      rows: true,
    },
  ];
}
