import 'server-only';
import { directDb } from '@/lib/db/prisma';
import { leaseEnd } from '@/lib/db/row-lease';
import { sqliteTime } from '@/lib/db/sqlite-time';

/** Extends this worker's claims on the messages it is still sending (a slow upload must not look like a crash). */
export async function renewLeases(owner: string, ids: string[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  const until = leaseEnd(new Date(), leaseMs);
  const direct = directDb();
  if (direct.provider === 'postgresql') {
    await direct.query(
      `UPDATE ${direct.table('OutboundMessage')} SET "leaseUntil" = $1::timestamp WHERE "id" = ANY($2::text[]) AND "leaseOwner" = $3 AND "state" = 'sending'`,
      [until.toISOString(), ids, owner],
    );
    return;
  }
  await direct.write([
    {
      sql: `UPDATE "OutboundMessage" SET "leaseUntil" = ? WHERE "id" IN (SELECT "value" FROM json_each(?)) AND "leaseOwner" = ? AND "state" = 'sending'`,
      params: [sqliteTime(until), JSON.stringify(ids), owner],
    },
  ]);
}
