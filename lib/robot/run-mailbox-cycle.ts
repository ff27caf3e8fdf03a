import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { type ActionOutcome, applyMailboxActions } from './apply-mailbox-actions';
import type { ClaimedMailbox, RobotLease } from './claim-robot-mailbox';
import { describeGraphFailure } from '@/lib/entra/describe-graph-failure';
import { getConnectionContext } from '@/lib/entra/get-connection-context';
import { dueActionsWhere } from './due-actions-where';
import { explainGraphFailure, type MailboxContext } from '@/lib/entra/explain-graph-failure';
import { type GraphFailure, graphFailureOf } from '@/lib/entra/graph-failure';
import { handOffDueMessages } from './hand-off-due-messages';
import { nextRunAt } from './next-run-at';
import { type MailboxGraph, openMailboxGraph } from './open-mailbox-graph';
import { type PollOutcome, pollMailboxFolder } from './poll-mailbox-folder';
import type { RobotOptions } from './robot-options';

// One turn of work on a claimed mailbox: poll when due (store new messages), hand off what is due, then mark or move
// what was handed off, and record the mailbox's state. Hand-offs need no Graph and go on when Graph fails or throttles.

export interface CycleSummary {
  polled: boolean;
  pollOk: boolean;
  newMessages: number;
  handedOff: number;
  handoffFailures: number;
  actionsDone: number;
  resynced: boolean;
  error: string | null;
  explanation: string | null;
  throttledUntil: Date | null;
}

const WEBHOOK_EXPLANATION =
  'The webhook did not answer with a 2xx status. Each message is retried with backoff (10 s, 30 s, 1 min … then hourly) and is marked or moved in the mailbox only after a 2xx.';

/** The signed-in account of a delegated connection: the address of its "own mailbox", when Graph was not opened. */
async function accountOf(connectionId: string): Promise<string> {
  return (await getConnectionContext(connectionId))?.account ?? '';
}

export async function runMailboxCycle(
  lease: RobotLease,
  mailbox: ClaimedMailbox,
  options: RobotOptions,
): Promise<CycleSummary> {
  const started = new Date();
  const throttledBefore = mailbox.throttledUntil && mailbox.throttledUntil > started ? mailbox.throttledUntil : null;
  const pollDue = mailbox.nextPollAt <= started && !throttledBefore;
  const actionsDue =
    !throttledBefore && (await db().robotMessage.count({ where: dueActionsWhere(mailbox.id, started) })) > 0;

  let graph: MailboxGraph | null = null;
  let context: MailboxContext = {
    mode: 'delegated',
    address: mailbox.mailboxAddress,
    account: null,
    folder: mailbox.folder,
  };
  let failure: GraphFailure | null = null;
  if (pollDue || actionsDue) {
    const opened = await openMailboxGraph(mailbox, options);
    if (opened.ok) graph = opened.graph;
    else failure = opened.failure;
    context = opened.ok ? opened.graph.context : opened.context;
  }
  let poll: PollOutcome | null = null;
  if (graph && pollDue) {
    try {
      poll = await pollMailboxFolder(graph, mailbox, lease, options);
    } catch (error) {
      failure = graphFailureOf(error);
      if (failure.code === 'InternalError') {
        const correlationId = crypto.randomUUID().slice(0, 8);
        logger.error('robot.poll_failed', {
          correlationId,
          mailboxId: mailbox.id,
          error: failure.message,
          stack: (error as Error).stack,
        });
        failure = { ...failure, message: `Something went wrong (id ${correlationId})` };
      }
    }
  }
  const address =
    graph?.address ?? (mailbox.mailboxAddress || context.account || (await accountOf(mailbox.connectionId)));
  const handoff = await handOffDueMessages(mailbox, address, lease, options);
  let actions: ActionOutcome | null = null;
  if (graph && !failure && !lease.lost) {
    actions = await applyMailboxActions(graph, mailbox, lease, options);
    failure = actions.throttled;
  }

  const now = new Date();
  const throttledUntil =
    failure?.status === 429 ? new Date(now.getTime() + (failure.retryAfterSeconds ?? 60) * 1000) : throttledBefore;
  const interval = mailbox.pollIntervalSeconds * 1000;
  let nextPollAt = mailbox.nextPollAt;
  if (pollDue) nextPollAt = poll && !poll.complete && !lease.lost ? now : new Date(now.getTime() + interval);
  // Throttled: the next poll is when Microsoft said (Retry-After), and never earlier.
  if (throttledUntil && (failure?.status === 429 || throttledUntil > nextPollAt)) nextPollAt = throttledUntil;
  const graphReadyAt = throttledUntil ?? (failure ? nextPollAt : null);

  const actionFailure = actions?.lastFailure ?? null;
  let error: string | null = null;
  let explanation: string | null = null;
  if (failure) {
    const explained = explainGraphFailure(failure, 'read', context);
    error = describeGraphFailure(failure);
    explanation = `${explained.meaning} ${explained.fix}`;
  } else if (handoff.failed > 0) {
    error = `Webhook: ${handoff.lastError ?? 'failed'}`;
    explanation = WEBHOOK_EXPLANATION;
  } else if (actionFailure) {
    const explained = explainGraphFailure(actionFailure, 'read', context);
    error = `Marking or moving a message: ${describeGraphFailure(actionFailure)}`;
    explanation = `${explained.meaning} ${explained.fix}`;
  }
  const progressed = Boolean(poll) || handoff.delivered > 0 || (actions?.done ?? 0) > 0;
  const errorFields = error
    ? { lastError: error, lastErrorExplanation: explanation, lastErrorAt: now }
    : progressed
      ? { lastError: null, lastErrorExplanation: null, lastErrorAt: null }
      : {};
  await lease.release({
    ...(pollDue ? { lastPollAt: started } : {}),
    ...(poll ? { lastSuccessAt: now } : {}),
    ...errorFields,
    throttledUntil,
    nextPollAt,
    nextRunAt: await nextRunAt(mailbox.id, nextPollAt, graphReadyAt),
  });
  if (error) logger.info('robot.cycle_problem', { mailboxId: mailbox.id, error });
  return {
    polled: pollDue,
    pollOk: Boolean(poll),
    newMessages: poll?.newMessages ?? 0,
    handedOff: handoff.delivered,
    handoffFailures: handoff.failed,
    actionsDone: actions?.done ?? 0,
    resynced: poll?.resynced ?? false,
    error,
    explanation,
    throttledUntil,
  };
}
