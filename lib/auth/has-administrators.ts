import 'server-only';
import { db } from '@/lib/db/prisma';

let known = false;

/** Whether the first administrator exists. Once true it stays true for the process, sparing a query per page. */
export async function hasAdministrators(): Promise<boolean> {
  if (known) return true;
  known = (await db().administrator.count()) > 0;
  return known;
}
