import 'server-only';
import { logger } from '@/lib/log/logger';
import type { RobotLease } from './claim-robot-mailbox';
import { GRAPH_MESSAGE_SELECT, type GraphMessage } from './graph-message';
import { graphFailureOf } from '@/lib/entra/graph-failure';
import type { MailboxGraph } from './open-mailbox-graph';
import { resolveMailFolder } from './resolve-mail-folder';
import type { RobotOptions } from './robot-options';
import { type TakeMailbox, takeMessage } from './take-message';

// One poll of the watched folder with a Graph delta query: from the stored cursor (the last deltaLink, or the
// nextLink of an unfinished round) page by page to a new deltaLink. The cursor is stored after each page, so a crash
// resumes where it stopped. A 410 (the sync state is gone) restarts the sync from the beginning; messages already
// stored are recognised and not taken again.

export interface PollMailbox extends TakeMailbox {
  folder: string;
  folderId: string | null;
  cursor: string | null;
}

export interface PollOutcome {
  newMessages: number;
  /** A deltaLink was reached: the folder is in sync. False when the page budget ran out first. */
  complete: boolean;
  resynced: boolean;
}

interface DeltaPage {
  value: GraphMessage[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export async function pollMailboxFolder(
  graph: MailboxGraph,
  mailbox: PollMailbox,
  lease: RobotLease,
  options: RobotOptions,
): Promise<PollOutcome> {
  let folderId = mailbox.folderId;
  if (!folderId) {
    folderId = (await resolveMailFolder(graph, mailbox.folder)).id;
    await lease.write({ folderId });
  }
  const start = `${graph.root}/mailFolders/${encodeURIComponent(folderId)}/messages/delta?$select=${GRAPH_MESSAGE_SELECT}`;
  const outcome: PollOutcome = { newMessages: 0, complete: false, resynced: false };
  let url = mailbox.cursor ?? start;
  for (let page = 0; page < options.maxPagesPerCycle; page++) {
    if (!(await lease.keep())) return outcome;
    let body: DeltaPage;
    try {
      body = (await graph.client.api(url).header('Prefer', `odata.maxpagesize=${options.pageSize}`).get()) as DeltaPage;
    } catch (error) {
      const failure = graphFailureOf(error);
      if (failure.status === 410 && !outcome.resynced) {
        logger.info('robot.resync', { mailboxId: mailbox.id, code: failure.code });
        outcome.resynced = true;
        url = start;
        if (!(await lease.write({ cursor: null }))) return outcome;
        continue;
      }
      // The folder was deleted or renamed: look it up again at the next poll.
      if (failure.code === 'ErrorItemNotFound') await lease.write({ folderId: null, cursor: null });
      throw error;
    }
    for (const item of body.value) {
      if (!(await lease.keep())) return outcome;
      if (await takeMessage(graph, mailbox, item)) outcome.newMessages += 1;
    }
    const next = body['@odata.deltaLink'] ?? body['@odata.nextLink'];
    if (!next) throw new Error('Microsoft Graph answered the delta query without a nextLink or deltaLink.');
    if (!(await lease.write({ cursor: next }))) return outcome;
    url = next;
    if (body['@odata.deltaLink']) {
      outcome.complete = true;
      return outcome;
    }
  }
  return outcome;
}
