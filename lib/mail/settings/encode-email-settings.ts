import 'server-only';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import type { DeliverySettings } from './delivery-settings';

/**
 * The one writing of the settings row. Each column a kind does not use gets what the form sends when that kind is
 * chosen (the SMTP server is kept, so that switching back finds it), so a connection is held only while a kind sends
 * through it (it can be deleted otherwise) and a password only while Basic authentication is chosen. The secret: a
 * kind with none clears it; a blank one keeps the stored one; a new one is encrypted.
 */
export function encodeEmailSettings(settings: DeliverySettings, before: { smtpServer: string } | null) {
  const { transport } = settings;
  const definition = transportDefinition(transport);
  const fields = definition.toFields(definition.redact(transport));
  const secret = definition.secret(transport);
  const secretColumns =
    secret === null
      ? { password: null, passwordHint: null, passwordSetAt: null }
      : secret
        ? {
            password: encryptSecret(secret, 'EmailSettings.password'),
            passwordHint: secretHint(secret) || null,
            passwordSetAt: new Date(),
          }
        : {};
  const columns = {
    enabled: settings.enabled,
    connectionType: transport.kind,
    smtpServer: fields.smtpServer ?? before?.smtpServer ?? '',
    useSsl: fields.useSsl ?? false,
    implicitTls: fields.implicitTls ?? false,
    smtpAuth: fields.smtpAuth ?? 'none',
    username: fields.username ?? null,
    mailboxAddress: fields.mailboxAddress || null,
    connectionId: fields.connectionId || null,
    senderAddress: settings.senderAddress,
    senderName: settings.senderName,
    allowedSenders: settings.allowedSenders.join('\n'),
  };
  return { columns, secretColumns };
}
