import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { type DeliverySettings, EMAIL_SETTINGS_ID } from './delivery-settings';
import type { EmailSettingsInput } from './email-settings-schema';
import { parseSmtpServer } from './parse-smtp-server';

/** The settings as typed on the form, for a test email; a blank password means the stored one, as on Done. */
export async function settingsFromForm(input: EmailSettingsInput): Promise<DeliverySettings> {
  let password = input.password;
  if (!password && input.smtpAuth === 'basic') {
    const row = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID }, select: { password: true } });
    password = row?.password ? decryptSecret(row.password, 'EmailSettings.password', 'Email settings SMTP password') : '';
  }
  const server = parseSmtpServer(input.smtpServer);
  return {
    enabled: input.enabled,
    connectionType: input.connectionType,
    host: server.ok ? server.host : '',
    port: server.ok ? server.port : 0,
    useSsl: input.useSsl,
    allowUnencrypted: !input.useSsl && input.allowUnencrypted,
    smtpAuth: input.smtpAuth,
    username: input.username,
    password,
    mailboxAddress: input.mailboxAddress,
    connectionId: input.connectionId,
    senderAddress: input.senderAddress,
    senderName: input.senderName,
    allowedSenders: input.allowedSenders,
  };
}
