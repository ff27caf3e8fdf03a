import 'server-only';
import { directDb } from '@/lib/db/prisma';
import { sqliteTime } from '@/lib/db/sqlite-time';

export interface AttemptStart {
  id: string;
  messageId: string;
  number: number;
  transport: string;
}

export const INTERRUPTED_ANSWER =
  'Switchboard stopped during this attempt; the message was sent again later with the same Message-ID.';

/**
 * Writes a batch's attempts "in progress" before anything is sent (one statement), and marks "interrupted" the
 * attempts an earlier worker left in progress (it crashed or was killed), in one transaction.
 */
export async function recordAttemptStarts(
  worker: string,
  attempts: AttemptStart[],
  unfinished: string[],
): Promise<void> {
  if (attempts.length === 0 && unfinished.length === 0) return;
  const now = new Date();
  const direct = directDb();
  if (direct.provider === 'postgresql') {
    const table = direct.table('OutboundAttempt');
    // One statement, so one implicit transaction: both changes or neither.
    await direct.query(
      `WITH interrupted AS (
         UPDATE ${table} SET "outcome" = 'interrupted', "finishedAt" = $2::timestamp, "answer" = $5
         WHERE "id" = ANY($4::text[]) AND "outcome" = 'in_progress')
       INSERT INTO ${table} ("id", "messageId", "number", "worker", "transport", "startedAt", "outcome")
       SELECT x."id", x."messageId", x."number", $1, x."transport", $2::timestamp, 'in_progress'
       FROM jsonb_to_recordset($3::jsonb) AS x("id" text, "messageId" text, "number" int, "transport" text)`,
      [worker, now.toISOString(), JSON.stringify(attempts), unfinished, INTERRUPTED_ANSWER],
      'outbox_attempt_starts',
    );
    return;
  }
  const at = sqliteTime(now);
  await direct.write([
    {
      sql: `UPDATE "OutboundAttempt" SET "outcome" = 'interrupted', "finishedAt" = ?, "answer" = ? WHERE "id" IN (SELECT "value" FROM json_each(?)) AND "outcome" = 'in_progress'`,
      params: [at, INTERRUPTED_ANSWER, JSON.stringify(unfinished)],
    },
    {
      sql: `INSERT INTO "OutboundAttempt" ("id", "messageId", "number", "worker", "transport", "startedAt", "outcome")
            SELECT json_extract("value", '$.id'), json_extract("value", '$.messageId'), json_extract("value", '$.number'), ?, json_extract("value", '$.transport'), ?, 'in_progress'
            FROM json_each(?)`,
      params: [worker, at, JSON.stringify(attempts)],
    },
  ]);
}
