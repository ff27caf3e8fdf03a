import 'server-only';
import type { OutboundContent } from '@/lib/mail/mail-address';
import { callGraph } from './call-graph';
import { classifyGraphResponse } from './classify-graph-response';
import { composeMime } from './compose-mime';
import { graphMimeOf } from './graph-mime-of';
import { rebuildRelayedMessage } from './rebuild-relayed-message';
import { createGraphClient } from '@/lib/entra/create-graph-client';
import type { DeliveryOutcome } from './delivery-outcome';
import { type DraftStore, sendGraphDraft } from './send-graph-draft';

export interface GraphTarget {
  graphBaseUrl: string;
  /** Application connections send as /users/{mailbox}; delegated ones as the signed-in user (/me). */
  mailbox: string | null;
}

// Graph accepts at most 4 MB in one request; the MIME travels base64-encoded (a third larger).
const SEND_MAIL_BODY_LIMIT = 4 * 1024 * 1024 - 64 * 1024;

/**
 * POST {me|users/{mailbox}}/sendMail with the message as base64 MIME, so the Message-ID, Reply-To and every part
 * are exactly what SMTP would send. Larger messages go through a draft and upload sessions; a relayed one is rebuilt
 * for it from its MIME (rebuildRelayedMessage).
 */
export async function sendOverGraph(
  message: OutboundContent,
  target: GraphTarget,
  accessToken: string,
  drafts: DraftStore,
): Promise<DeliveryOutcome> {
  const client = createGraphClient(target.graphBaseUrl, async () => accessToken);
  const base = target.mailbox ? `/users/${encodeURIComponent(target.mailbox)}` : '/me';
  if (message.raw) {
    // An attempt that already made a draft goes on with it (never a second copy as MIME).
    const body = drafts.previous ? null : graphMimeOf(message.raw).toString('base64');
    if (body === null || body.length > SEND_MAIL_BODY_LIMIT)
      return sendGraphDraft(client, base, await rebuildRelayedMessage(message, message.raw), drafts);
    return answerOf(await callGraph(client, 'POST', `${base}/sendMail`, { body, contentType: 'text/plain' }));
  }
  if (drafts.previous) return sendGraphDraft(client, base, message, drafts);
  const body = (await composeMime(message, { keepBcc: true })).toString('base64');
  if (body.length > SEND_MAIL_BODY_LIMIT) return sendGraphDraft(client, base, message, drafts);
  return answerOf(await callGraph(client, 'POST', `${base}/sendMail`, { body, contentType: 'text/plain' }));
}

function answerOf(answer: Awaited<ReturnType<typeof callGraph>>): DeliveryOutcome {
  if (!answer.ok) return classifyGraphResponse(answer);
  return {
    kind: 'sent',
    code: String(answer.status),
    answer: `${answer.status} Accepted by Microsoft Graph (request-id ${answer.requestId ?? 'none'})`,
    providerMessageId: answer.requestId,
  };
}
