import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { type DeliverySettings, EMAIL_SETTINGS_ID } from './delivery-settings';
import { parseSmtpServer } from './parse-smtp-server';

/** The saved Emails settings as the outbox uses them (the Basic password decrypted), or null before the first save. */
export async function loadDeliverySettings(): Promise<DeliverySettings | null> {
  const row = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID } });
  if (!row) return null;
  const server = parseSmtpServer(row.smtpServer);
  return {
    enabled: row.enabled,
    connectionType: row.connectionType === 'graph' ? 'graph' : 'smtp',
    host: server.ok ? server.host : '',
    port: server.ok ? server.port : 0,
    useSsl: row.useSsl,
    implicitTls: row.implicitTls,
    smtpAuth: row.smtpAuth === 'basic' || row.smtpAuth === 'oauth' ? row.smtpAuth : 'none',
    username: row.username ?? '',
    password: row.password ? decryptSecret(row.password, 'EmailSettings.password', 'Email settings SMTP password') : '',
    mailboxAddress: row.mailboxAddress ?? '',
    connectionId: row.connectionId ?? '',
    senderAddress: row.senderAddress,
    senderName: row.senderName,
    allowedSenders: row.allowedSenders.split('\n').filter(Boolean),
  };
}
