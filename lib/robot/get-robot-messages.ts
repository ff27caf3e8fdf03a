import 'server-only';
import { db } from '@/lib/db/prisma';

export const ROBOT_MESSAGES_PAGE_SIZE = 50;

/**
 * One page of a mailbox's stored messages, newest first. Search matches words in the subject, the sender and
 * recipient addresses and the internet message id (all of them, anywhere, case-insensitively).
 */
export async function getRobotMessages(mailboxId: string, params: { query: string; page: number }) {
  const words = params.query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  // Tombstones (retention) are kept only to recognise a message again; they are not messages any more.
  const where = { mailboxId, purgedAt: null, AND: words.map((word) => ({ searchText: { contains: word } })) };
  const total = await db().robotMessage.count({ where });
  const pages = Math.max(1, Math.ceil(total / ROBOT_MESSAGES_PAGE_SIZE));
  const page = Math.min(Math.max(1, params.page), pages);
  const rows = await db().robotMessage.findMany({
    where,
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * ROBOT_MESSAGES_PAGE_SIZE,
    take: ROBOT_MESSAGES_PAGE_SIZE,
    select: {
      id: true,
      subject: true,
      fromName: true,
      fromAddress: true,
      receivedAt: true,
      handoffState: true,
      handoffAttempts: true,
      mailboxAction: true,
      attachments: true,
    },
  });
  return { rows, total, page, pages };
}
