import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';

/** Saves the Emails settings through the same schema and function as the form's Done. */
export async function saveSettings(fields: Record<string, string>): Promise<void> {
  const input = emailSettingsSchema.parse({ enabled: 'on', ...fields });
  const result = await saveEmailSettings(input, 'tests@switchboard.test');
  if (!result.ok) throw new Error(`settings refused: ${JSON.stringify(result.fieldErrors)}`);
}
