import 'server-only';
import type { EmailTransport } from '@/lib/mail/transports/email-transport';
import { checkSettingsConnection } from './check-settings-connection';

export type GraphFallbackRule = { ok: true } | { ok: false; message: string };

/**
 * A Graph fall-back (used when Exchange refuses SMTP AUTH with 535 5.7.139) must send as the same mailbox: a
 * connection fit to send through Graph, delegated signed in as that mailbox (or granted Mail.Send.Shared for it), or
 * an application connection that gets a token now (Mail.Send).
 */
export async function checkGraphFallback(connectionId: string, mailbox: string): Promise<GraphFallbackRule> {
  if (!mailbox)
    return {
      ok: false,
      message:
        'A Graph fall-back sends as the Mailbox Email Address of SMTP with Modern Authentication (OAuth 2.0): set that first.',
    };
  const rule = await checkSettingsConnection(
    { connectionId, mailboxAddress: mailbox, job: 'graph-send', api: 'graph', tokenServer: null },
    '',
  );
  return rule.ok ? { ok: true } : { ok: false, message: `Graph fall-back for ${mailbox}: ${rule.message}` };
}

export type SettingsGraphFallback =
  { ok: true; connectionId: string | null } | { ok: false; fieldErrors: { graphFallbackConnectionId: string } };

/**
 * The Emails form's Graph fall-back, for Done and Send test email alike: only SMTP with Modern Authentication has a
 * mailbox whose SMTP AUTH Exchange may refuse, so any other way of sending keeps none (null); a named one is checked.
 */
export async function settingsGraphFallback(
  transport: EmailTransport,
  graphFallbackConnectionId: string,
): Promise<SettingsGraphFallback> {
  const oauth = transport.kind === 'smtp' && transport.auth.kind === 'oauth' ? transport.auth : null;
  if (!oauth || !graphFallbackConnectionId) return { ok: true, connectionId: null };
  const rule = await checkGraphFallback(graphFallbackConnectionId, oauth.mailboxAddress);
  return rule.ok
    ? { ok: true, connectionId: graphFallbackConnectionId }
    : { ok: false, fieldErrors: { graphFallbackConnectionId: rule.message } };
}
