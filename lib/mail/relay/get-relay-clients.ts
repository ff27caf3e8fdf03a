import 'server-only';
import { db } from '@/lib/db/prisma';
import { readStringList } from './relay-client-rules';
import { relayDay } from './relay-day';
import { RELAY_LOGIN_LIMITS, relayUsernameKey } from './relay-login-limits';

export interface RelayClientRow {
  id: string;
  name: string;
  authMode: 'password' | 'network';
  username: string | null;
  networks: string[];
  allowedSenders: string[];
  maxMessageBytes: number;
  ratePerMinute: number;
  enabled: boolean;
  /** Its messages' Graph fall-back when SMTP AUTH is refused; null: the Emails settings' one. */
  graphFallbackConnectionId: string | null;
  /** The connection its messages are sent through, and as which mailbox; null: as in the Emails settings. */
  connectionId: string | null;
  mailboxAddress: string | null;
  acceptedToday: number;
  refusedToday: number;
  failedToday: number;
  lastSeenAt: Date | null;
  lastAddress: string | null;
  lastError: string | null;
  /** Locked out by wrong passwords until this time. */
  lockedUntil: Date | null;
}

/** The relay clients for the console (never the password hash), with today's counts and who is locked out. */
export async function getRelayClients(): Promise<RelayClientRow[]> {
  const today = relayDay();
  const rows = await db().relayClient.findMany({ orderBy: { name: 'asc' }, omit: { passwordHash: true } });
  const now = new Date();
  const locks = await db().rateLimitBucket.findMany({
    where: {
      key: { in: rows.filter((r) => r.username).map((r) => relayUsernameKey(r.username ?? '')) },
      count: { gte: RELAY_LOGIN_LIMITS.perUsername.limit },
      resetAt: { gt: now },
    },
  });
  // Failed deliveries are the outbox's to know: counted from it, for messages accepted today.
  const failed = await db().outboundMessage.groupBy({
    by: ['relayClientId'],
    where: {
      relayClientId: { in: rows.map((r) => r.id) },
      state: 'failed',
      createdAt: { gte: new Date(`${today}T00:00:00Z`) },
    },
    _count: { _all: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    authMode: r.authMode === 'network' ? 'network' : 'password',
    username: r.username,
    networks: readStringList(r.networks),
    allowedSenders: readStringList(r.allowedSenders),
    maxMessageBytes: r.maxMessageBytes,
    ratePerMinute: r.ratePerMinute,
    enabled: r.enabled,
    graphFallbackConnectionId: r.graphFallbackConnectionId,
    connectionId: r.connectionId,
    mailboxAddress: r.mailboxAddress,
    acceptedToday: r.countDay === today ? r.acceptedToday : 0,
    refusedToday: r.countDay === today ? r.refusedToday : 0,
    failedToday: failed.find((f) => f.relayClientId === r.id)?._count._all ?? 0,
    lastSeenAt: r.lastSeenAt,
    lastAddress: r.lastAddress,
    lastError: r.lastError,
    lockedUntil: locks.find((l) => l.key === relayUsernameKey(r.username ?? ''))?.resetAt ?? null,
  }));
}
