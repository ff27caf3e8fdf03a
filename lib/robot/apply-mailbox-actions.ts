import 'server-only';
import { db } from '@/lib/db/prisma';
import type { RobotLease } from './claim-robot-mailbox';
import { dueActionsWhere } from './due-actions-where';
import { describeGraphFailure } from '@/lib/entra/describe-graph-failure';
import { type GraphFailure, graphFailureOf } from '@/lib/entra/graph-failure';
import type { MailboxGraph } from './open-mailbox-graph';
import { resolveMailFolder } from './resolve-mail-folder';
import type { RobotOptions } from './robot-options';

// Marks as read, or moves, each message whose hand-off succeeded (or that needs none). Only these: a message waiting
// for its webhook stays untouched in the mailbox. A message no longer there (moved or deleted by a person) is noted
// as gone; a 429 stops the round, and the caller reschedules after Retry-After.

export interface ActionMailbox {
  id: string;
  afterProcessing: string;
  moveToFolder: string;
}

export interface ActionOutcome {
  done: number;
  failed: number;
  lastFailure: GraphFailure | null;
  /** Set when Graph throttled: nothing more was tried. */
  throttled: GraphFailure | null;
}

const BATCH = 50;

export async function applyMailboxActions(
  graph: MailboxGraph,
  mailbox: ActionMailbox,
  lease: RobotLease,
  options: RobotOptions,
): Promise<ActionOutcome> {
  const outcome: ActionOutcome = { done: 0, failed: 0, lastFailure: null, throttled: null };
  const due = await db().robotMessage.findMany({
    where: dueActionsWhere(mailbox.id, new Date()),
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    take: BATCH,
    select: { id: true, graphMessageId: true, mailboxActionAttempts: true },
  });
  if (due.length === 0) return outcome;
  let destinationId: string | null = null;
  for (const message of due) {
    if (!(await lease.keep())) break;
    const attempt = message.mailboxActionAttempts + 1;
    try {
      const path = `${graph.root}/messages/${encodeURIComponent(message.graphMessageId)}`;
      if (mailbox.afterProcessing === 'move') {
        destinationId ??= (await resolveMailFolder(graph, mailbox.moveToFolder, { create: true })).id;
        await graph.client.api(`${path}/move`).post({ destinationId });
      } else {
        await graph.client.api(path).patch({ isRead: true });
      }
      await db().robotMessage.update({
        where: { id: message.id },
        data: {
          mailboxAction: 'done',
          mailboxActionAttempts: attempt,
          mailboxActionAt: new Date(),
          nextMailboxActionAt: null,
          lastMailboxActionError: null,
        },
      });
      outcome.done += 1;
    } catch (error) {
      const failure = graphFailureOf(error);
      if (failure.status === 429) {
        outcome.throttled = failure;
        return outcome;
      }
      // In move mode a 404 before the destination is known is about the folder, not the message.
      const gone =
        failure.code === 'ErrorItemNotFound' && (mailbox.afterProcessing !== 'move' || destinationId !== null);
      await db().robotMessage.update({
        where: { id: message.id },
        data: gone
          ? {
              mailboxAction: 'gone',
              mailboxActionAttempts: attempt,
              mailboxActionAt: new Date(),
              nextMailboxActionAt: null,
              lastMailboxActionError: 'The message was no longer in the folder: moved or deleted by someone else.',
            }
          : {
              mailboxActionAttempts: attempt,
              nextMailboxActionAt: new Date(Date.now() + options.retryDelayMs(attempt)),
              lastMailboxActionError: describeGraphFailure(failure),
            },
      });
      if (!gone) {
        outcome.failed += 1;
        outcome.lastFailure = failure;
      }
    }
  }
  return outcome;
}
