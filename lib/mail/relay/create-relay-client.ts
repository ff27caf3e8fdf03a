import 'server-only';
import crypto from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { isUniqueViolation } from '@/lib/db/errors';
import { db } from '@/lib/db/prisma';
import { parseAllowedNetworks } from '@/lib/net/allowed-networks';
import { parseAllowedSenders } from '@/lib/mail/settings/allowed-senders';
import { checkRelayClientConnections } from './check-relay-client-connections';
import type { RelayClientFields } from './relay-client-schema';

export type CreatedRelayClient =
  | { ok: true; id: string; name: string; username: string | null; password: string | null; route: string }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * A new relay client. A password client gets a generated password, returned once and stored only as its scrypt hash;
 * a network client stores its networks and never has a username or password.
 */
export async function createRelayClient(fields: RelayClientFields): Promise<CreatedRelayClient> {
  const connections = await checkRelayClientConnections(fields);
  if (!connections.ok) return connections;
  const password = fields.authMode === 'password' ? crypto.randomBytes(18).toString('base64url') : null;
  const networks = parseAllowedNetworks(fields.networks.split(/[\s,;]+/).join(','));
  const senders = parseAllowedSenders(fields.allowedSenders);
  try {
    const row = await db().relayClient.create({
      data: {
        name: fields.name,
        authMode: fields.authMode,
        username: fields.authMode === 'password' ? fields.username.toLowerCase() : null,
        passwordHash: password ? await hashPassword(password) : null,
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
      select: { id: true, name: true, username: true },
    });
    return { ok: true, ...row, password, route: connections.route };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? '');
    return target.includes('username')
      ? { ok: false, fieldErrors: { username: 'Another relay client has this username' } }
      : { ok: false, fieldErrors: { name: 'Another relay client has this name' } };
  }
}
