import 'server-only';
import { db } from '@/lib/db/prisma';

export interface NotificationSettingsView {
  emailEnabled: boolean;
  emailRecipients: string[];
  webhookEnabled: boolean;
  webhookUrl: string;
  hasWebhookSecret: boolean;
  webhookSecretHint: string | null;
  webhookSecretSetAt: Date | null;
}

/** The settings as the page may show them: the webhook secret only as "set, ends ••••ab12". */
export async function getNotificationSettings(): Promise<NotificationSettingsView> {
  const row = await db().notificationSettings.findUnique({ where: { id: 'global' } });
  return {
    emailEnabled: row?.emailEnabled ?? false,
    emailRecipients: (row?.emailRecipients ?? '').split(',').filter(Boolean),
    webhookEnabled: row?.webhookEnabled ?? false,
    webhookUrl: row?.webhookUrl ?? '',
    hasWebhookSecret: Boolean(row?.webhookSecret),
    webhookSecretHint: row?.webhookSecretHint ?? null,
    webhookSecretSetAt: row?.webhookSecretSetAt ?? null,
  };
}
