import 'server-only';
import { db } from '@/lib/db/prisma';
import { cloudEndpoints, smtpTokenHostsFor } from '@/lib/entra/clouds';
import { type AccessTokenResult, getAccessToken } from '@/lib/entra/get-access-token';
import type { OutboundContent } from '@/lib/mail/mail-address';
import { GRAPH_RESOURCE, OUTLOOK_RESOURCE } from '@/lib/mail/settings/check-settings-connection';
import type { DeliverySettings } from '@/lib/mail/settings/delivery-settings';
import { smtpSecurity } from '@/lib/mail/settings/smtp-security';
import type { DeliveryOutcome } from './delivery-outcome';
import type { DraftStore } from './send-graph-draft';
import { sendOverGraph } from './send-over-graph';
import { sendOverSmtp } from './send-over-smtp';
import type { SmtpAuth } from './smtp-transports';

export type Transport = 'smtp' | 'graph';
export type PreparedDelivery =
  | { ok: true; transport: Transport; send(message: OutboundContent, drafts: DraftStore): Promise<DeliveryOutcome> }
  | { ok: false; transport: Transport; outcome: DeliveryOutcome };

function tokenProblem(result: Extract<AccessTokenResult, { ok: false }>, connection: string): DeliveryOutcome {
  const answer = `Service Connection “${connection}”: ${result.message}`;
  if (result.reason === 'needs_reauth') return { kind: 'deferred', code: 'NEEDS_REAUTH', answer };
  if (result.reason === 'not_authenticated') return { kind: 'deferred', code: 'NOT_AUTHENTICATED', answer };
  if (result.reason === 'not_found') return { kind: 'failed', code: 'CONNECTION_NOT_FOUND', answer: 'The Service Connection chosen in the Email settings no longer exists.' };
  return { kind: 'retry', code: result.error?.code ?? 'TOKEN', answer };
}

/** What is missing before anything can be sent, or null. Such a message waits (it is the administrator's move). */
function settingsProblem(settings: DeliverySettings, isTest: boolean): string | null {
  if (!settings.enabled && !isTest) return 'Email sending is turned off: Settings → Global System Settings → Emails → Enabled.';
  if (settings.connectionType === 'smtp' && !settings.host) return 'No SMTP server is set in the Email settings.';
  if ((settings.connectionType === 'graph' || settings.smtpAuth === 'oauth') && !settings.connectionId) return 'No Service Connection is chosen in the Email settings.';
  return null;
}

/** Resolves the settings into a ready sender: the endpoint, and a token through the connection where OAuth is used. */
export async function prepareDelivery(settings: DeliverySettings | null, isTest: boolean): Promise<PreparedDelivery> {
  const transport: Transport = settings?.connectionType === 'graph' ? 'graph' : 'smtp';
  const problem = settings ? settingsProblem(settings, isTest) : 'Email is not set up yet: Settings → Global System Settings → Emails.';
  if (!settings || problem) return { ok: false, transport, outcome: { kind: 'deferred', code: 'SETTINGS', answer: problem ?? '' } };
  let connectionName = '';
  let graphBaseUrl = '';
  let application = false;
  let account = '';
  let cloud = '';
  if (settings.connectionType === 'graph' || settings.smtpAuth === 'oauth') {
    const row = await db().serviceConnection.findUnique({
      where: { id: settings.connectionId },
      select: { name: true, accountUsername: true, service: { select: { authType: true } }, tenant: { select: { cloud: true, authorityHost: true, graphBaseUrl: true } } },
    });
    if (!row) return { ok: false, transport, outcome: { kind: 'failed', code: 'CONNECTION_NOT_FOUND', answer: 'The Service Connection chosen in the Email settings no longer exists.' } };
    connectionName = row.name;
    graphBaseUrl = cloudEndpoints(row.tenant).graphBaseUrl;
    application = row.service.authType === 'application';
    account = row.accountUsername?.toLowerCase() ?? '';
    cloud = row.tenant.cloud;
  }
  if (transport === 'graph') {
    const token = await getAccessToken(settings.connectionId, { resource: GRAPH_RESOURCE });
    if (!token.ok) return { ok: false, transport, outcome: tokenProblem(token, connectionName) };
    // Delegated: the signed-in mailbox is /me; another mailbox it may send as (Mail.Send.Shared) is /users/{mailbox}.
    const mailbox = settings.mailboxAddress.toLowerCase();
    const target = { graphBaseUrl, mailbox: application || (mailbox && mailbox !== account) ? mailbox : null };
    return { ok: true, transport, send: (message, drafts) => sendOverGraph(message, target, token.accessToken, drafts) };
  }
  const security = smtpSecurity(settings.port, settings.useSsl, settings.implicitTls);
  if (!security.ok) return { ok: false, transport, outcome: { kind: 'failed', code: 'SETTINGS', answer: security.message } };
  let auth: SmtpAuth = { type: 'none' };
  if (settings.smtpAuth === 'basic') auth = { type: 'basic', user: settings.username, pass: settings.password };
  if (settings.smtpAuth === 'oauth') {
    // A cloud's token goes only to its own SMTP hosts (a Custom cloud's: checked against the saved host on save).
    const hosts = smtpTokenHostsFor(cloud);
    if (hosts && !hosts.includes(settings.host.toLowerCase())) {
      return { ok: false, transport, outcome: { kind: 'failed', code: 'TOKEN_HOST', answer: `The token of “${connectionName}” is only sent to ${hosts.join(', ')}, not to ${settings.host}.` } };
    }
    const token = await getAccessToken(settings.connectionId, { resource: OUTLOOK_RESOURCE });
    if (!token.ok) return { ok: false, transport, outcome: tokenProblem(token, connectionName) };
    auth = { type: 'oauth', user: settings.mailboxAddress, accessToken: token.accessToken };
  }
  const endpoint = { host: settings.host, port: settings.port, tls: security.mode, auth };
  return { ok: true, transport, send: (message) => sendOverSmtp(message, endpoint, { oneOff: isTest }) };
}
