import 'server-only';
import { db } from '@/lib/db/prisma';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import { decodeEmailSettings } from './decode-email-settings';
import { EMAIL_SETTINGS_ID } from './delivery-settings';

/**
 * The Emails settings for the page: every field but the password, of which only its hint and date are told, and the
 * settings as decoded with their transport's public shape (its secrets omitted).
 */
export async function getEmailSettings() {
  const row = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID } });
  if (!row) return null;
  const { password, ...rest } = row;
  const decoded = decodeEmailSettings(row, () => '');
  const transport = transportDefinition(decoded.transport).redact(decoded.transport);
  return { ...rest, hasPassword: Boolean(password), settings: { ...decoded, transport } };
}

export type EmailSettingsView = NonNullable<Awaited<ReturnType<typeof getEmailSettings>>>;
