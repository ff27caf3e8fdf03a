import 'server-only';
import { db } from '@/lib/db/prisma';
import { checkSettingsConnection } from '@/lib/mail/settings/check-settings-connection';
import { decodeEmailSettings } from '@/lib/mail/settings/decode-email-settings';
import { EMAIL_SETTINGS_ID } from '@/lib/mail/settings/delivery-settings';
import type { EmailTransport } from '@/lib/mail/transports/email-transport';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import { relayClientTransport } from './relay-client-transport';

export type RelayClientRouteRule =
  | { ok: true; transport: EmailTransport; connectionName: string }
  | { ok: false; field: 'connectionId' | 'mailboxAddress'; message: string };

/** The Emails settings' transport as saved (no secret revealed), or null before their first save. */
export async function savedEmailTransport(): Promise<EmailTransport | null> {
  const row = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID } });
  return row ? decodeEmailSettings(row, () => '').transport : null;
}

/**
 * A relay client's own connection and mailbox, on save: the connection must be able to send as that mailbox by the
 * Emails settings' own rules for a connection and mailbox (fit for the job, Mail.Send.Shared to send as another
 * mailbox, an application connection with a mailbox and a token now, an SMTP token only to its cloud's hosts).
 */
export async function checkRelayClientRoute(connectionId: string, mailbox: string): Promise<RelayClientRouteRule> {
  const built = await relayClientTransport(connectionId, mailbox, await savedEmailTransport());
  if (!built.ok) return built;
  const { transport } = built;
  const rule = await checkSettingsConnection(transportDefinition(transport).connectionUse(transport), '');
  if (rule.ok) return { ok: true, transport, connectionName: built.connection.name };
  return {
    ok: false,
    field: rule.field === 'mailboxAddress' ? 'mailboxAddress' : 'connectionId',
    message: rule.message,
  };
}
