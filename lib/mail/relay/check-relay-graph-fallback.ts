import 'server-only';
import { db } from '@/lib/db/prisma';
import { checkGraphFallback, type GraphFallbackRule } from '@/lib/mail/settings/check-graph-fallback';
import { EMAIL_SETTINGS_ID } from '@/lib/mail/settings/delivery-settings';
import type { EmailTransport } from '@/lib/mail/transports/email-transport';

/**
 * A relay client's Graph fall-back: it must send as the mailbox SMTP AUTH signs in as (the client's own route's, else
 * the Emails settings'), and is of use only while that route is SMTP with Modern Authentication (OAuth 2.0).
 * `route`: the client's own transport, null when it sends as in the Emails settings.
 */
export async function checkRelayGraphFallback(
  connectionId: string,
  route: EmailTransport | null = null,
): Promise<GraphFallbackRule> {
  if (route) {
    if (route.kind !== 'smtp' || route.auth.kind !== 'oauth')
      return {
        ok: false,
        message:
          'This client’s messages go through Microsoft Graph (its Connection), which needs no SMTP AUTH: a Graph fall-back is used only with SMTP.',
      };
    return checkGraphFallback(connectionId, route.auth.mailboxAddress.toLowerCase());
  }
  const settings = await db().emailSettings.findUnique({
    where: { id: EMAIL_SETTINGS_ID },
    select: { connectionType: true, smtpAuth: true, mailboxAddress: true },
  });
  if (settings?.connectionType !== 'smtp' || settings.smtpAuth !== 'oauth' || !settings.mailboxAddress)
    return {
      ok: false,
      message:
        'Relayed messages go out by Settings → Global System Settings → Emails, which do not send over SMTP with Modern Authentication (OAuth 2.0): a Graph fall-back is used only then.',
    };
  return checkGraphFallback(connectionId, settings.mailboxAddress.toLowerCase());
}
