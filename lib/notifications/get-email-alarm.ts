import 'server-only';
import { db } from '@/lib/db/prisma';
import { OUTBOX_STALL_SECONDS } from '@/lib/health/get-component-health';

// When email itself is broken, notifications by email cannot tell anyone: the console must (a banner on every page
// and the start page). Read on every console page, so each query stays on an index or on the small sets of queued
// and failed messages.

export interface EmailAlarm {
  /** One sentence: what is wrong. */
  title: string;
  /** What Microsoft or the server last answered, or what to do. */
  detail: string;
  href: string;
  linkLabel: string;
}

const EMAILS_PAGE = '/settings/global-system-settings/emails';
/** Answers after which every message waits, whoever it is for: one is enough to say email is broken. */
const EVERYTHING_WAITS = new Set([
  'SETTINGS',
  'NEEDS_REAUTH',
  'NOT_AUTHENTICATED',
  'CONNECTION_NOT_FOUND',
  'TOKEN_HOST',
]);
/** Otherwise this many messages refused since the last one delivered (one refused recipient is not a broken system). */
const REFUSED_IN_A_ROW = 3;

export async function getEmailAlarm(now = new Date()): Promise<EmailAlarm | null> {
  const notTest = { source: { not: 'test' } };
  const [settings, notifications, lastSent, oldestDue] = await Promise.all([
    db().emailSettings.findUnique({
      where: { id: 'global' },
      select: { enabled: true, connection: { select: { id: true, name: true, state: true } } },
    }),
    db().notificationSettings.findUnique({ where: { id: 'global' }, select: { emailEnabled: true } }),
    db().outboundMessage.findFirst({
      where: { state: 'sent', ...notTest },
      orderBy: { sentAt: 'desc' },
      select: { sentAt: true },
    }),
    db().outboundMessage.findFirst({
      where: { state: 'queued', nextAttemptAt: { lte: now }, ...notTest },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    }),
  ]);
  if (!settings?.enabled) {
    if (!notifications?.emailEnabled) return null;
    return {
      title: 'Notification emails cannot be sent: email is turned off.',
      detail: 'Turn on Enabled in the Email settings, or the notifications reach nobody by email.',
      href: EMAILS_PAGE,
      linkLabel: 'Email settings',
    };
  }
  const connection = settings.connection;
  if (connection && connection.state === 'needs_reauth') {
    return {
      title: `Email is not being sent: the Service Connection “${connection.name}” of the Email settings needs re-authentication.`,
      detail: 'Every message waits in the outbox until someone runs Setup Authentication again.',
      href: `/integration/service-connections/connections/${connection.id}`,
      linkLabel: 'Open the connection',
    };
  }
  const since = lastSent?.sentAt ?? new Date(0);
  const refusedSince = {
    ...notTest,
    OR: [
      { state: 'queued', lastError: { not: null }, updatedAt: { gt: since } },
      { state: 'failed', failedAt: { gt: since } },
    ],
  };
  const [latest, refused] = await Promise.all([
    db().outboundMessage.findFirst({
      where: refusedSince,
      orderBy: { updatedAt: 'desc' },
      select: { lastError: true, lastErrorCode: true },
    }),
    db().outboundMessage.count({ where: refusedSince }),
  ]);
  if (latest && (EVERYTHING_WAITS.has(latest.lastErrorCode ?? '') || refused >= REFUSED_IN_A_ROW)) {
    const nothingSince = lastSent?.sentAt
      ? `nothing was delivered since ${lastSent.sentAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : 'nothing was delivered yet';
    return {
      title: `Email is not being delivered: ${refused} message${refused === 1 ? '' : 's'} refused or waiting, ${nothingSince}.`,
      detail: latest.lastError ?? 'See the outbox for the answers.',
      href: '/outbox',
      linkLabel: 'Open the outbox',
    };
  }
  const waited = oldestDue ? Math.round((now.getTime() - oldestDue.nextAttemptAt.getTime()) / 1000) : 0;
  if (waited >= OUTBOX_STALL_SECONDS) {
    return {
      title: `Email is not being sent: the oldest due message has waited ${Math.round(waited / 60)} minutes.`,
      detail:
        'No instance is sending, or they cannot keep up: check that a console instance is running its outbox worker.',
      href: '/outbox',
      linkLabel: 'Open the outbox',
    };
  }
  return null;
}
