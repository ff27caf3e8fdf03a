import 'server-only';
import { smtpAuthKindOf } from '@/lib/mail/transports/smtp/smtp-auth-kinds';
import { transportFromFields } from '@/lib/mail/transports/transport-from-fields';
import { transportKindOf } from '@/lib/mail/transports/transport-forms';
import type { DeliverySettings } from './delivery-settings';

/** The EmailSettings columns that hold the settings (the row as stored). */
export interface StoredEmailSettings {
  enabled: boolean;
  connectionType: string;
  smtpServer: string;
  useSsl: boolean;
  implicitTls: boolean;
  smtpAuth: string;
  username: string | null;
  password: string | null;
  mailboxAddress: string | null;
  connectionId: string | null;
  senderAddress: string;
  senderName: string;
  allowedSenders: string;
}

/**
 * The one reading of the settings row: its transport columns through the same normaliser as the form (an unknown
 * kind reads as SMTP, an unknown SMTP authentication as none). `reveal` turns the stored password ciphertext into
 * what the transport holds: the password for delivery, '' where it must stay on the server.
 */
export function decodeEmailSettings(
  row: StoredEmailSettings,
  reveal: (ciphertext: string) => string,
): DeliverySettings {
  const transport = transportFromFields({
    connectionType: transportKindOf(row.connectionType),
    smtpServer: row.smtpServer,
    useSsl: row.useSsl,
    implicitTls: row.implicitTls,
    smtpAuth: smtpAuthKindOf(row.smtpAuth),
    username: row.username ?? '',
    password: row.password ? reveal(row.password) : '',
    mailboxAddress: row.mailboxAddress ?? '',
    connectionId: row.connectionId ?? '',
  });
  return {
    enabled: row.enabled,
    transport,
    senderAddress: row.senderAddress,
    senderName: row.senderName,
    allowedSenders: row.allowedSenders.split('\n').filter(Boolean),
  };
}
