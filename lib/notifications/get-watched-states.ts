import 'server-only';
import { db } from '@/lib/db/prisma';
import { env } from '@/lib/env';
import { OUTBOX_STALL_SECONDS } from '@/lib/health/get-component-health';
import type { NotificationEvent } from './notification-event';

// Everything notifications watch, as (key, state) pairs with what to say when a state is entered. A healthy state
// is "ok"; a thing first seen healthy says nothing, one first seen broken is told at once.

export interface WatchedState {
  key: string;
  state: string;
  /** What to send when this state is entered. */
  event: NotificationEvent;
}

const DAY_MS = 86_400_000;
/** A mailbox failing for this many poll intervals in a row (at least) is reported. */
const ROBOT_FAILED_POLLS = 3;

function link(path: string): string {
  const base = env().SWITCHBOARD_PUBLIC_URL;
  return base ? `${base}${path}` : `Switchboard: ${path}`;
}

function secretBucket(expiresAt: Date | null, now: Date): string {
  if (!expiresAt) return 'ok';
  const days = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  return days <= 0
    ? 'expired'
    : days <= 7
      ? 'expires_7d'
      : days <= 30
        ? 'expires_30d'
        : days <= 60
          ? 'expires_60d'
          : 'ok';
}

export async function getWatchedStates(now = new Date()): Promise<WatchedState[]> {
  const [connections, tenants, failed, oldestDue, mailboxes] = await Promise.all([
    db().serviceConnection.findMany({
      select: { id: true, name: true, state: true, lastError: true, accountUsername: true },
    }),
    db().tenant.findMany({
      select: { id: true, name: true, credentialType: true, clientSecretExpiresAt: true, certificateExpiresAt: true },
    }),
    db().outboundMessage.count({ where: { state: 'failed' } }),
    db().outboundMessage.findFirst({
      where: { state: 'queued', nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    }),
    db().robotMailbox.findMany({
      where: { enabled: true },
      select: {
        id: true,
        name: true,
        lastError: true,
        lastErrorAt: true,
        lastSuccessAt: true,
        createdAt: true,
        pollIntervalSeconds: true,
      },
    }),
  ]);
  const states: WatchedState[] = [];
  for (const c of connections) {
    const broken = c.state === 'needs_reauth';
    const path = `/integration/service-connections/connections/${c.id}`;
    states.push({
      key: `connection:${c.id}`,
      state: broken ? 'needs_reauth' : 'ok',
      event: broken
        ? {
            event: 'connection.needs_reauth',
            subject: `Connection “${c.name}” needs re-authentication`,
            text: `Microsoft refused the stored sign-in of “${c.name}”${c.accountUsername ? ` (${c.accountUsername})` : ''}: ${c.lastError ?? 'the sign-in is no longer valid'}.\nWhat uses it waits until someone runs Setup Authentication again: ${link(path)}`,
            data: { connectionId: c.id, name: c.name, state: c.state },
          }
        : {
            event: 'connection.recovered',
            subject: `Connection “${c.name}” works again`,
            text: `“${c.name}” was authenticated again; what waited for it goes on.\n${link(path)}`,
            data: { connectionId: c.id, name: c.name, state: c.state },
          },
    });
  }
  for (const t of tenants) {
    // The credential the tenant signs in with now: its client secret, or its certificate.
    const certificate = t.credentialType === 'certificate';
    const what = certificate ? 'Certificate' : 'Client secret';
    const expiresAt = certificate ? t.certificateExpiresAt : t.clientSecretExpiresAt;
    const bucket = secretBucket(expiresAt, now);
    const when = expiresAt?.toISOString().slice(0, 10) ?? '';
    const path = `/integration/service-connections/tenants/${t.id}`;
    const fix = certificate
      ? `Generate or upload a new certificate on the tenant in Switchboard, upload its .cer in Entra ID (App registrations → Certificates & secrets → Certificates) and switch to it before ${when}.`
      : `Create a new client secret in Entra ID (App registrations → Certificates & secrets) and enter it in Switchboard before ${when}.`;
    const prefix = certificate ? 'tenant_certificate' : 'tenant_secret';
    states.push({
      key: `${certificate ? 'tenant-certificate' : 'tenant-secret'}:${t.id}`,
      state: bucket,
      event:
        bucket === 'ok'
          ? {
              event: `${prefix}.renewed`,
              subject: `${what} of “${t.name}” renewed`,
              text: `The ${what.toLowerCase()} of “${t.name}” no longer expires soon.\n${link(path)}`,
              data: { tenantId: t.id, name: t.name },
            }
          : {
              event: `${prefix}.${bucket}`,
              subject:
                bucket === 'expired'
                  ? `${what} of “${t.name}” has expired`
                  : `${what} of “${t.name}” expires on ${when}`,
              text: `${fix}\n${link(path)}`,
              data: { tenantId: t.id, name: t.name, expiresOn: when },
            },
    });
  }
  states.push({
    key: 'outbox:failed',
    state: failed > 0 ? 'failed' : 'ok',
    event:
      failed > 0
        ? {
            event: 'outbox.failed',
            subject: `Outbox: ${failed} message${failed === 1 ? '' : 's'} failed`,
            text: `Messages failed for good and wait for someone to resend or delete them.\n${link('/outbox?filter=failed')}`,
            data: { failed },
          }
        : {
            event: 'outbox.failed_handled',
            subject: 'Outbox: no failed messages left',
            text: `Every failed message was resent or deleted.\n${link('/outbox')}`,
            data: { failed },
          },
  });
  const waitedSeconds = oldestDue ? Math.round((now.getTime() - oldestDue.nextAttemptAt.getTime()) / 1000) : 0;
  const stalled = waitedSeconds >= OUTBOX_STALL_SECONDS;
  states.push({
    key: 'outbox:stalled',
    state: stalled ? 'stalled' : 'ok',
    event: stalled
      ? {
          event: 'outbox.stalled',
          subject: `Outbox: a message has waited ${Math.round(waitedSeconds / 60)} minutes`,
          text: `The oldest due message has waited ${waitedSeconds} s to be sent: no worker is sending, or they cannot keep up.\n${link('/outbox?filter=unsent')}`,
          data: { waitedSeconds },
        }
      : {
          event: 'outbox.flowing',
          subject: 'Outbox: messages are being sent again',
          text: `No due message is waiting any more.\n${link('/outbox')}`,
          data: {},
        },
  });
  for (const m of mailboxes) {
    const since = m.lastSuccessAt ?? m.createdAt;
    const failing = Boolean(
      m.lastError &&
      m.lastErrorAt &&
      m.lastErrorAt > since &&
      m.lastErrorAt.getTime() - since.getTime() >= ROBOT_FAILED_POLLS * m.pollIntervalSeconds * 1000,
    );
    const path = `/email-robot/${m.id}`;
    states.push({
      key: `robot:${m.id}`,
      state: failing ? 'failing' : 'ok',
      event: failing
        ? {
            event: 'robot.failing',
            subject: `E-mail Robot: mailbox “${m.name}” keeps failing`,
            text: `Polls of “${m.name}” have failed since ${since.toISOString()}: ${m.lastError}\n${link(path)}`,
            data: { mailboxId: m.id, name: m.name },
          }
        : {
            event: 'robot.recovered',
            subject: `E-mail Robot: mailbox “${m.name}” works again`,
            text: `“${m.name}” was polled successfully.\n${link(path)}`,
            data: { mailboxId: m.id, name: m.name },
          },
    });
  }
  return states;
}
