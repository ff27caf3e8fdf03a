import 'server-only';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { checkUrlDestination } from '@/lib/net/check-url-destination';
import type { NotificationSettingsInput } from './notification-settings-schema';

export type SaveNotificationSettingsResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

export async function saveNotificationSettings(
  input: NotificationSettingsInput,
  byEmail: string,
): Promise<SaveNotificationSettingsResult> {
  // The same rule as at send time (lib/net), said at the field: a non-public address needs the operator's allow-list.
  const destination = input.webhookUrl ? checkUrlDestination(input.webhookUrl) : null;
  if (destination) return { ok: false, fieldErrors: { webhookUrl: destination } };
  const current = await db().notificationSettings.findUnique({
    where: { id: 'global' },
    select: { webhookSecret: true },
  });
  if (input.webhookEnabled && !input.webhookSecret && !current?.webhookSecret) {
    return {
      ok: false,
      fieldErrors: { webhookSecret: 'Enter a secret: the receiver checks each call’s signature with it.' },
    };
  }
  const secret = input.webhookSecret
    ? {
        webhookSecret: encryptSecret(input.webhookSecret, 'NotificationSettings.webhookSecret'),
        webhookSecretHint: secretHint(input.webhookSecret) || null,
        webhookSecretSetAt: new Date(),
      }
    : {};
  const data = {
    emailEnabled: input.emailEnabled,
    emailRecipients: input.emailRecipients.join(','),
    webhookEnabled: input.webhookEnabled,
    webhookUrl: input.webhookUrl,
    updatedByEmail: byEmail,
    ...secret,
  };
  await db().notificationSettings.upsert({ where: { id: 'global' }, create: { id: 'global', ...data }, update: data });
  return { ok: true };
}
