import 'server-only';
import { db } from '@/lib/db/prisma';
import { checkGraphFallback, type GraphFallbackRule } from '@/lib/mail/settings/check-graph-fallback';
import { EMAIL_SETTINGS_ID } from '@/lib/mail/settings/delivery-settings';

/**
 * A relay client's Graph fall-back: relayed messages go out by the Emails settings, so the fall-back must send as
 * their SMTP mailbox, and is of use only while they send over SMTP with Modern Authentication (OAuth 2.0).
 */
export async function checkRelayGraphFallback(connectionId: string): Promise<GraphFallbackRule> {
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
