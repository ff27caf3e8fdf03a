import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { type DeliverySettings, EMAIL_SETTINGS_ID } from './delivery-settings';
import type { EmailSettingsInput } from './email-settings-schema';
import { parseSmtpServer } from './parse-smtp-server';
import { storedPasswordRule } from './stored-password-rule';

export type SettingsFromForm = { ok: true; settings: DeliverySettings; destination: string } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The settings as typed on the form, for a test email. A blank password means the stored one, as on Done, but only
 * for the SMTP server it was saved for: a stored credential never follows a host an administrator just changed.
 */
export async function settingsFromForm(input: EmailSettingsInput): Promise<SettingsFromForm> {
  const server = parseSmtpServer(input.smtpServer);
  let password = input.password;
  if (input.connectionType === 'smtp' && input.smtpAuth === 'basic' && !password) {
    const row = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID }, select: { password: true, smtpServer: true, smtpAuth: true } });
    const rule = storedPasswordRule(row, input.smtpServer);
    if (!rule.ok) return { ok: false, fieldErrors: { password: rule.message } };
    password = row?.password ? decryptSecret(row.password, 'EmailSettings.password', 'Email settings SMTP password') : '';
  }
  return {
    ok: true,
    destination: input.connectionType === 'graph' ? 'Microsoft Graph' : server.ok ? server.value : input.smtpServer,
    settings: {
      enabled: input.enabled,
      connectionType: input.connectionType,
      host: server.ok ? server.host : '',
      port: server.ok ? server.port : 0,
      useSsl: input.useSsl,
      implicitTls: input.useSsl && input.implicitTls,
      smtpAuth: input.smtpAuth,
      username: input.username,
      password,
      mailboxAddress: input.mailboxAddress,
      connectionId: input.connectionId,
      senderAddress: input.senderAddress,
      senderName: input.senderName,
      allowedSenders: input.allowedSenders,
    },
  };
}
