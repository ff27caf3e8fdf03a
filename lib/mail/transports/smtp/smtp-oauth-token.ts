import 'server-only';
import { db } from '@/lib/db/prisma';
import { smtpTokenHostsFor } from '@/lib/entra/clouds';
import { getAccessToken } from '@/lib/entra/get-access-token';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { OUTLOOK_RESOURCE } from '@/lib/mail/settings/check-settings-connection';
import { CONNECTION_NOT_FOUND, tokenProblem } from '../token-problem';

export type SmtpOAuthToken = { ok: true; accessToken: string } | { ok: false; outcome: DeliveryOutcome };

/**
 * The connection's Exchange token for SMTP XOAUTH2, asked for only when `host` is one of its cloud's SMTP hosts (a
 * Custom cloud's host was checked against the saved one on save). The one place SMTP delivery reads the connection.
 */
export async function smtpOAuthToken(connectionId: string, host: string): Promise<SmtpOAuthToken> {
  const row = await db().serviceConnection.findUnique({ where: { id: connectionId }, select: { name: true, tenant: { select: { cloud: true } } } });
  if (!row) return { ok: false, outcome: CONNECTION_NOT_FOUND };
  const hosts = smtpTokenHostsFor(row.tenant.cloud);
  if (hosts && !hosts.includes(host.toLowerCase())) {
    return { ok: false, outcome: { kind: 'failed', code: 'TOKEN_HOST', answer: `The token of “${row.name}” is only sent to ${hosts.join(', ')}, not to ${host}.` } };
  }
  const token = await getAccessToken(connectionId, { resource: OUTLOOK_RESOURCE });
  if (!token.ok) return { ok: false, outcome: tokenProblem(token, row.name) };
  return { ok: true, accessToken: token.accessToken };
}
