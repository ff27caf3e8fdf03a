import 'server-only';
import { directDb } from '@/lib/db/prisma';
import { sqliteTime } from '@/lib/db/sqlite-time';

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

/**
 * Commits a group of outcomes in one transaction (two statements, whatever the group's size). A message changes
 * only while `owner` still holds its claim; returns the messages that changed (the others' claim was lost, e.g. after
 * a long pause, and another worker has them now). Every attempt is recorded either way.
 */
export async function commitOutcomes(owner: string, rows: OutcomeRow[], now: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const direct = directDb();
  const time = (date: Date | null) =>
    date ? (direct.provider === 'sqlite' ? sqliteTime(date) : date.toISOString()) : null;
  const payload = JSON.stringify(
    rows.map((r) => ({ ...r, next: time(r.nextAttemptAt), retryAt: time(r.retryAt), nextAttemptAt: undefined })),
  );
  if (direct.provider === 'postgresql') {
    const [messages, attempts] = [direct.table('OutboundMessage'), direct.table('OutboundAttempt')];
    const changed = await direct.query<{ id: string }>(
      `WITH o AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("messageId" text, "attemptId" text, "state" text, "next" timestamp, "giveBack" int, "lastError" text,
           "lastErrorCode" text, "providerMessageId" text, "outcome" text, "code" text, "answer" text, "retryAt" timestamp)),
       a AS (
         UPDATE ${attempts} AS t SET "finishedAt" = $2::timestamp, "outcome" = o."outcome", "code" = o."code", "answer" = o."answer", "retryAt" = o."retryAt"
         FROM o WHERE t."id" = o."attemptId")
       UPDATE ${messages} AS m SET ${MESSAGE_SET('$2::timestamp', 'm')}
       FROM o WHERE m."id" = o."messageId" AND m."leaseOwner" = $3 AND m."state" = 'sending'
       RETURNING m."id"`,
      [payload, now.toISOString(), owner],
      'outbox_commit_outcomes',
    );
    return new Set(changed.map((c) => c.id));
  }
  const columns = FIELDS.map((f) => `json_extract("value", '$.${f}') AS "${f}"`).join(', ');
  const at = sqliteTime(now);
  const [, changed] = (await direct.write([
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
  ])) as [number, { id: string }[]];
  return new Set(changed.map((c) => c.id));
}
