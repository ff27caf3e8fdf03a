import 'server-only';
import { isUniqueViolation } from '@/lib/db/errors';
import { db } from '@/lib/db/prisma';
import { parseAllowedNetworks } from '@/lib/net/allowed-networks';
import { parseAllowedSenders } from '@/lib/mail/settings/allowed-senders';
import { checkRelayClientConnections } from './check-relay-client-connections';
import type { RelayClientFields } from './relay-client-schema';

export type UpdatedRelayClient =
  { ok: true; name: string; route: string } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/**
 * Saves a relay client's settings. How it authenticates stays as created (a password client has a password, a
 * network client none); the password is changed only through resetRelayClientPassword.
 */
export async function updateRelayClient(id: string, fields: RelayClientFields): Promise<UpdatedRelayClient> {
  const stored = await db().relayClient.findUnique({ where: { id }, select: { authMode: true } });
  if (!stored) return { ok: false, message: 'This relay client no longer exists.' };
  if (stored.authMode !== fields.authMode)
    return { ok: false, message: 'How a client authenticates cannot change: add a new client instead.' };
  const connections = await checkRelayClientConnections(fields);
  if (!connections.ok)
    return { ok: false, message: 'Check the highlighted fields.', fieldErrors: connections.fieldErrors };
  const networks = parseAllowedNetworks(fields.networks.split(/[\s,;]+/).join(','));
  const senders = parseAllowedSenders(fields.allowedSenders);
  try {
    const { count } = await db().relayClient.updateMany({
      where: { id },
      data: {
        name: fields.name,
        ...(fields.authMode === 'password' ? { username: fields.username.toLowerCase() } : {}),
        networks: JSON.stringify(
          fields.authMode === 'network' && networks.ok ? networks.networks.map((n) => n.cidr) : [],
        ),
        allowedSenders: JSON.stringify(senders.ok ? senders.entries : []),
        maxMessageBytes: fields.maxMessageMb * 1024 * 1024,
        ratePerMinute: fields.ratePerMinute,
        enabled: fields.enabled,
        graphFallbackConnectionId: fields.graphFallbackConnectionId || null,
        connectionId: fields.connectionId || null,
        mailboxAddress: (fields.connectionId && fields.mailboxAddress) || null,
      },
    });
    if (count === 0) return { ok: false, message: 'This relay client no longer exists.' };
    return { ok: true, name: fields.name, route: connections.route };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? '');
    return target.includes('username')
      ? {
          ok: false,
          message: 'Check the highlighted fields.',
          fieldErrors: { username: 'Another relay client has this username' },
        }
      : {
          ok: false,
          message: 'Check the highlighted fields.',
          fieldErrors: { name: 'Another relay client has this name' },
        };
  }
}
