import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import { type DeliverySettings, EMAIL_SETTINGS_ID } from './delivery-settings';
import type { EmailSettingsInput } from './email-settings-schema';
import { storedPasswordRule } from './stored-password-rule';

export type SettingsFromForm =
  { ok: true; settings: DeliverySettings; destination: string } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The settings as typed on the form, for a test email. A blank password means the stored one, as on Done, but only
 * for the SMTP server it was saved for: a stored credential never follows a host an administrator just changed.
 */
export async function settingsFromForm(input: EmailSettingsInput): Promise<SettingsFromForm> {
  const definition = transportDefinition(input.transport);
  let transport = input.transport;
  if (definition.secret(transport) === '') {
    const row = await db().emailSettings.findUnique({
      where: { id: EMAIL_SETTINGS_ID },
      select: { password: true, smtpServer: true, smtpAuth: true },
    });
    const rule = storedPasswordRule(row, definition.server(transport) ?? '');
    if (!rule.ok) return { ok: false, fieldErrors: { password: rule.message } };
    transport = definition.withSecret(
      transport,
      row?.password ? decryptSecret(row.password, 'EmailSettings.password', 'Email settings SMTP password') : '',
    );
  }
  const { enabled, senderAddress, senderName, allowedSenders } = input;
  return {
    ok: true,
    destination: definition.destination(transport),
    settings: { enabled, transport, senderAddress, senderName, allowedSenders },
  };
}
