import 'server-only';
import { db } from '@/lib/db/prisma';
import { EMAIL_SETTINGS_ID } from './delivery-settings';

/** The Emails settings for the page: every field but the password, of which only its hint and date are told. */
export async function getEmailSettings() {
  const row = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID } });
  if (!row) return null;
  const { password, ...rest } = row;
  return { ...rest, hasPassword: Boolean(password) };
}

export type EmailSettingsView = NonNullable<Awaited<ReturnType<typeof getEmailSettings>>>;
