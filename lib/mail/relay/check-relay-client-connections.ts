import 'server-only';
import { checkRelayClientRoute } from './check-relay-client-route';
import { checkRelayGraphFallback } from './check-relay-graph-fallback';
import type { EmailTransport } from '@/lib/mail/transports/email-transport';
import type { RelayClientFields } from './relay-client-schema';

export type RelayClientConnections =
  | { ok: true; /** How its messages go, for the audit log. */ route: string }
  | { ok: false; fieldErrors: Record<string, string> };

/** The way a route sends as its mailbox, for the audit log. */
function describeRoute(transport: EmailTransport, connectionName: string): string {
  const mailbox =
    transport.kind === 'graph'
      ? transport.mailboxAddress
      : transport.auth.kind === 'oauth'
        ? transport.auth.mailboxAddress
        : '';
  const how = transport.kind === 'graph' ? 'Microsoft Graph' : `SMTP ${transport.smtpServer}`;
  return `sends through “${connectionName}” (${how}) as ${mailbox || 'its signed-in account'}`;
}

/**
 * The connections a relay client names, on save: its own route (connection and mailbox) and its Graph fall-back.
 * Returns the field errors, or how its messages go when both may be saved.
 */
export async function checkRelayClientConnections(fields: RelayClientFields): Promise<RelayClientConnections> {
  let route: EmailTransport | null = null;
  let described = 'sends as in the Emails settings';
  if (fields.connectionId) {
    const rule = await checkRelayClientRoute(fields.connectionId, fields.mailboxAddress);
    if (!rule.ok) return { ok: false, fieldErrors: { [rule.field]: rule.message } };
    route = rule.transport;
    described = describeRoute(rule.transport, rule.connectionName);
  }
  if (fields.graphFallbackConnectionId) {
    const rule = await checkRelayGraphFallback(fields.graphFallbackConnectionId, route);
    if (!rule.ok) return { ok: false, fieldErrors: { graphFallbackConnectionId: rule.message } };
  }
  return { ok: true, route: described };
}
