import 'server-only';
import { db } from '@/lib/db/prisma';

/** The stored MIME of one message, for the raw download; null when there is none (too large, or no such message). */
export async function getRobotMessageMime(
  mailboxId: string,
  id: string,
): Promise<{ bytes: Uint8Array; subject: string } | null> {
  const row = await db().robotMessage.findFirst({
    where: { id, mailboxId, purgedAt: null },
    select: { mime: true, mimeStored: true, subject: true },
  });
  if (!row?.mime || !row.mimeStored) return null;
  return { bytes: row.mime, subject: row.subject };
}
