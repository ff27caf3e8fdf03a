import 'server-only';
import { db } from '@/lib/db/prisma';
import { describeGraphFailure } from '@/lib/entra/describe-graph-failure';
import { explainGraphFailure } from '@/lib/entra/explain-graph-failure';
import { graphFailureOf } from '@/lib/entra/graph-failure';
import { inspectRobotToken, type RobotTokenReport } from './inspect-robot-token';
import { openMailboxGraph } from './open-mailbox-graph';
import { resolveMailFolder } from './resolve-mail-folder';
import { robotOptions } from './robot-options';

// Test: can this connection open this mailbox and folder? A token from the token service, then the folder itself
// (and the move-to folder, which is only looked at, never created here). Graph's own answer is shown with what it
// means: ErrorAccessDenied for a shared mailbox without Full Access, or "[RAOP]" for an app an access policy blocks.

// The token inspector's reading of the connection's token comes with a failed Test: a permission missing from the
// token is often why Graph said no.
export type RobotTestResult =
  | { ok: true; message: string }
  | { ok: false; message: string; graphAnswer: string; meaning: string; fix: string; token?: RobotTokenReport };

async function withToken<T extends object>(result: T, mailbox: { connectionId: string; mailboxAddress: string }) {
  const token = await inspectRobotToken(mailbox.connectionId, mailbox.mailboxAddress);
  return token ? { ...result, token } : result;
}

export async function testRobotMailbox(id: string): Promise<RobotTestResult> {
  const mailbox = await db().robotMailbox.findUnique({ where: { id } });
  if (!mailbox)
    return { ok: false, message: 'This robot mailbox no longer exists.', graphAnswer: '', meaning: '', fix: '' };
  const opened = await openMailboxGraph(mailbox, robotOptions());
  if (!opened.ok) {
    const { meaning, fix } = explainGraphFailure(opened.failure, 'read', opened.context);
    return withToken(
      {
        ok: false as const,
        message: 'The connection could not open the mailbox.',
        graphAnswer: describeGraphFailure(opened.failure),
        meaning,
        fix,
      },
      mailbox,
    );
  }
  const { graph } = opened;
  const who =
    graph.context.mode === 'application'
      ? 'application permissions'
      : `signed in as ${graph.context.account ?? 'the connection’s account'}`;
  try {
    const folder = await resolveMailFolder(graph, mailbox.folder);
    const counts =
      folder.totalItemCount === undefined
        ? ''
        : `: ${folder.totalItemCount} messages, ${folder.unreadItemCount ?? 0} unread`;
    let after = 'Processed mail is marked as read.';
    if (mailbox.afterProcessing === 'move') {
      const exists = await resolveMailFolder(graph, mailbox.moveToFolder).then(
        () => true,
        (error: unknown) => {
          if (graphFailureOf(error).code === 'ErrorItemNotFound') return false;
          throw error;
        },
      );
      after = `Processed mail is moved to “${mailbox.moveToFolder}”${exists ? '' : ', which is created when the first message is moved'}.`;
    }
    // The mailbox and folder open now: the last recorded error is no longer how this mailbox stands.
    await db().robotMailbox.update({
      where: { id },
      data: { lastError: null, lastErrorExplanation: null, lastErrorAt: null },
    });
    return {
      ok: true,
      message: `Opened “${folder.displayName}” in ${graph.address || 'the mailbox'} (${who})${counts}. ${after}`,
    };
  } catch (error) {
    const failure = graphFailureOf(error);
    const { meaning, fix } = explainGraphFailure(failure, 'read', graph.context);
    return withToken(
      {
        ok: false as const,
        message: `The connection could not open “${mailbox.folder}” in ${graph.address || 'the mailbox'}.`,
        graphAnswer: describeGraphFailure(failure),
        meaning,
        fix,
      },
      mailbox,
    );
  }
}
