import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { buildWebhookPayload } from './build-webhook-payload';
import type { RobotLease } from './claim-robot-mailbox';
import { deliverWebhook } from './deliver-webhook';
import type { RobotOptions } from './robot-options';

// Hands each stored message whose time has come to the mailbox's webhook, oldest first. A 2xx is recorded at once
// (the step that must never be repeated), before anything else happens to the message; a failure schedules that
// message's next try with backoff, so a failing receiver delays its messages but never the polling.

export interface HandoffMailbox {
  id: string;
  name: string;
  webhookUrl: string;
  webhookSecret: string | null;
}

export interface HandoffOutcome {
  delivered: number;
  failed: number;
  lastError: string | null;
}

export async function handOffDueMessages(
  mailbox: HandoffMailbox,
  address: string,
  lease: RobotLease,
  options: RobotOptions,
): Promise<HandoffOutcome> {
  const outcome: HandoffOutcome = { delivered: 0, failed: 0, lastError: null };
  const due = await db().robotMessage.findMany({
    where: { mailboxId: mailbox.id, handoffState: 'pending', nextHandoffAt: { lte: new Date() } },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    take: options.maxHandoffsPerCycle,
    select: { id: true },
  });
  if (due.length === 0) return outcome;
  if (!mailbox.webhookUrl) {
    // The webhook was removed while messages waited: the console is now where they go.
    const now = new Date();
    await db().robotMessage.updateMany({
      where: { id: { in: due.map((d) => d.id) }, handoffState: 'pending' },
      data: { handoffState: 'not_configured', handedOffAt: now, nextHandoffAt: null, nextMailboxActionAt: now },
    });
    return outcome;
  }
  const secret = mailbox.webhookSecret
    ? decryptSecret(
        mailbox.webhookSecret,
        'RobotMailbox.webhookSecret',
        `Robot mailbox '${mailbox.name}' webhook secret`,
      )
    : null;

  for (const { id } of due) {
    if (!(await lease.keep())) break;
    const message = await db().robotMessage.findUnique({ where: { id } });
    if (!message || message.handoffState !== 'pending') continue;
    const attempt = message.handoffAttempts + 1;
    const result = secret
      ? await deliverWebhook({
          url: mailbox.webhookUrl,
          secret,
          deliveryId: message.id,
          attempt,
          body: buildWebhookPayload({ id: mailbox.id, name: mailbox.name, address }, message),
          timeoutMs: options.webhookTimeoutMs,
        })
      : ({
          ok: false,
          status: null,
          error: 'No webhook secret is set: generate one in the mailbox settings.',
        } as const);
    const now = new Date();
    if (result.ok) {
      await db().robotMessage.updateMany({
        where: { id, handoffState: 'pending' },
        data: {
          handoffState: 'delivered',
          handoffAttempts: attempt,
          handedOffAt: now,
          nextHandoffAt: null,
          lastHandoffError: null,
          nextMailboxActionAt: now,
        },
      });
      outcome.delivered += 1;
    } else {
      await db().robotMessage.updateMany({
        where: { id, handoffState: 'pending' },
        data: {
          handoffAttempts: attempt,
          nextHandoffAt: new Date(now.getTime() + options.retryDelayMs(attempt)),
          lastHandoffError: result.error,
        },
      });
      outcome.failed += 1;
      outcome.lastError = result.error;
    }
  }
  return outcome;
}
