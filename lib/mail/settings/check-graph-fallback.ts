import 'server-only';
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
