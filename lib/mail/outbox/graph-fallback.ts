import 'server-only';
import { db } from '@/lib/db/prisma';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { EMAIL_SETTINGS_ID } from '@/lib/mail/settings/delivery-settings';
import { graphDelivery } from '@/lib/mail/transports/graph/graph-delivery';
import type { PreparedDelivery } from '@/lib/mail/transports/prepared-delivery';

// Exchange refuses SMTP AUTH with 535 5.7.139 where it is disabled for the mailbox or the tenant
// (Set-CASMailbox -SmtpClientAuthenticationDisabled $true). Microsoft Graph does not need SMTP AUTH: where the
// administrator named a Graph connection that sends as the same mailbox, the message goes that way instead.

export interface GraphFallback {
  connectionId: string;
  connectionName: string;
  /** The Graph sender as the same mailbox, or why it cannot send now. */
  prepared: PreparedDelivery;
}

/** Exchange's "SMTP AUTH is disabled" (for the mailbox or the tenant); not Basic authentication being turned off. */
export function isSmtpAuthDisabled(outcome: DeliveryOutcome): boolean {
  return (
    outcome.kind === 'failed' &&
    outcome.code === '535 5.7.139' &&
    !/basic authentication is disabled/i.test(outcome.answer)
  );
}

/** The relay client's fall-back connection when it names one, else the Emails settings' one (null: none). */
async function fallbackConnectionId(relayClientId: string | null): Promise<string | null> {
  if (relayClientId) {
    const client = await db().relayClient.findUnique({
      where: { id: relayClientId },
      select: { graphFallbackConnectionId: true },
    });
    if (client?.graphFallbackConnectionId) return client.graphFallbackConnectionId;
  }
  const settings = await db().emailSettings.findUnique({
    where: { id: EMAIL_SETTINGS_ID },
    select: { graphFallbackConnectionId: true },
  });
  return settings?.graphFallbackConnectionId ?? null;
}

/** The Graph fall-back for a message whose SMTP AUTH as `mailbox` was refused, or null when none is named. */
export async function resolveGraphFallback(
  relayClientId: string | null,
  mailbox: string,
): Promise<GraphFallback | null> {
  const connectionId = await fallbackConnectionId(relayClientId);
  return connectionId ? graphFallbackThrough(connectionId, mailbox, false) : null;
}

/** A named connection as the Graph fall-back for `mailbox` (a test email: one attempt, inside its request). */
export async function graphFallbackThrough(
  connectionId: string,
  mailbox: string,
  isTest: boolean,
): Promise<GraphFallback> {
  const connection = await db().serviceConnection.findUnique({ where: { id: connectionId }, select: { name: true } });
  const prepared = await graphDelivery.prepare({ kind: 'graph', connectionId, mailboxAddress: mailbox }, { isTest });
  return { connectionId, connectionName: connection?.name ?? connectionId, prepared };
}

/** What the Outbox shows on the Graph attempt: that it stood in for SMTP, and why. */
export function fallbackNote(fallback: Pick<GraphFallback, 'connectionName'>, outcome: DeliveryOutcome): string {
  const why = 'because SMTP AUTH is disabled for this mailbox (535 5.7.139)';
  return outcome.kind === 'sent'
    ? `Sent through Microsoft Graph (connection “${fallback.connectionName}”) ${why}. ${outcome.answer}`
    : `Tried Microsoft Graph (connection “${fallback.connectionName}”) ${why}: ${outcome.answer}`;
}
