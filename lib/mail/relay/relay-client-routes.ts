import 'server-only';
import { db } from '@/lib/db/prisma';
import { type PreparedDelivery, prepareDelivery } from '@/lib/mail/delivery/prepare-delivery';
import type { LoadedMessage } from '@/lib/mail/outbox/load-outbound-contents';
import { loadDeliverySettings } from '@/lib/mail/settings/load-delivery-settings';
import { relayClientTransport } from './relay-client-transport';

/** The outbox worker's view of relay clients with a route of their own (see DeliveryContext.prepareFor). */
export interface RelayClientRoutes {
  /** A relayed message's sender when its client names a connection; null: the saved settings. */
  prepareFor(message: LoadedMessage): Promise<PreparedDelivery | null>;
  /** Whether any relay client names a connection now. */
  any(): Promise<boolean>;
}

const REUSE_MS = 1000;

/** The Emails settings as saved, with the client's connection and mailbox in place of theirs (null: it names none). */
async function prepareClientRoute(relayClientId: string): Promise<PreparedDelivery | null> {
  const client = await db().relayClient.findUnique({
    where: { id: relayClientId },
    select: { connectionId: true, mailboxAddress: true },
  });
  if (!client?.connectionId) return null;
  const settings = await loadDeliverySettings();
  if (!settings) return prepareDelivery(null, false);
  const built = await relayClientTransport(client.connectionId, client.mailboxAddress ?? '', settings.transport);
  if (!built.ok)
    return {
      ok: false,
      transport: 'smtp',
      outcome: {
        kind: 'deferred',
        code: 'SETTINGS',
        answer: `The relay client’s connection cannot send: ${built.message} (Settings → SMTP relay → the client).`,
      },
    };
  return prepareDelivery({ ...settings, transport: built.transport }, false);
}

/**
 * Relay clients' routes for the outbox worker: each client's resolved into a sender (a token where one signs in) and
 * reused for a second, like the saved settings, so a batch of a scanner's messages costs one read and one token.
 */
export function createRelayClientRoutes(reuseMs = REUSE_MS): RelayClientRoutes {
  const reads = new Map<string, { at: number; value: Promise<PreparedDelivery | null> }>();
  let anyRead: { at: number; value: Promise<boolean> } | null = null;
  return {
    prepareFor(message) {
      const id = message.relayClientId;
      if (!id) return Promise.resolve(null);
      const now = Date.now();
      const read = reads.get(id);
      if (read && now - read.at <= reuseMs) return read.value;
      for (const [key, old] of reads) if (now - old.at > reuseMs) reads.delete(key);
      const value = prepareClientRoute(id);
      reads.set(id, { at: now, value });
      return value;
    },
    any() {
      const now = Date.now();
      if (!anyRead || now - anyRead.at > reuseMs)
        anyRead = {
          at: now,
          value: db()
            .relayClient.count({ where: { connectionId: { not: null } } })
            .then((n) => n > 0),
        };
      return anyRead.value;
    },
  };
}
