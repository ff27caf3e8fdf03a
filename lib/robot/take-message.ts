import 'server-only';
import { db } from '@/lib/db/prisma';
import { fetchMessageMime } from './fetch-message-mime';
import type { GraphMessage } from './graph-message';
import { graphFailureOf } from '@/lib/entra/graph-failure';
import { listMessageAttachments } from './list-message-attachments';
import { messageKey } from './message-key';
import type { MailboxGraph } from './open-mailbox-graph';
import { MIME_LIMIT_BYTES } from './robot-limits';
import { storeRobotMessage } from './store-robot-message';

// One item of a delta page: new work, or not. Known messages (by mailbox and internet message id) are never taken
// again — that is what keeps a resync after 410, or a message that changed (marked read, flagged), from being handed
// on twice. In "mark read" mode a message that is already read counts as processed.

export interface TakeMailbox {
  id: string;
  webhookUrl: string;
  afterProcessing: string;
}

export async function takeMessage(graph: MailboxGraph, mailbox: TakeMailbox, item: GraphMessage): Promise<boolean> {
  if (item['@removed'] || item.isDraft) return false;
  const known = await db().robotMessage.findUnique({
    where: { mailboxId_internetMessageId: { mailboxId: mailbox.id, internetMessageId: messageKey(item) } },
    select: { id: true, graphMessageId: true, mailboxAction: true },
  });
  if (known) {
    // Exchange gives an item a new id when it moves; keep the current one so a pending mark or move finds it.
    if (known.graphMessageId !== item.id && known.mailboxAction === 'pending') {
      await db().robotMessage.update({ where: { id: known.id }, data: { graphMessageId: item.id } });
    }
    return false;
  }
  if (mailbox.afterProcessing === 'mark_read' && item.isRead) return false;
  try {
    const mime = await fetchMessageMime(graph, item.id, MIME_LIMIT_BYTES);
    const attachments = await listMessageAttachments(graph, item.id, mime.bytes, Boolean(item.hasAttachments));
    return (await storeRobotMessage(mailbox, item, mime, attachments)) === 'stored';
  } catch (error) {
    // Gone between the delta page and the download (deleted or moved by someone): nothing to take.
    if (graphFailureOf(error).code === 'ErrorItemNotFound') return false;
    throw error;
  }
}
