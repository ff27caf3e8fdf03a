'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/actions/define-action';
import { notificationSettingsSchema } from '@/lib/notifications/notification-settings-schema';
import { saveNotificationSettings } from '@/lib/notifications/save-notification-settings';
import { sendNotification } from '@/lib/notifications/send-notification';

const PAGE = '/settings/notifications';

// POST (form) - save the notification channels; a blank webhook secret keeps the stored one
export const saveNotificationSettingsAction = adminAction(
  notificationSettingsSchema,
  { action: 'notifications.update', target: 'notification-settings' },
  async (input, ctx) => {
    ctx.audit.target = 'global';
    const saved = await saveNotificationSettings(input, ctx.admin.email);
    if (!saved.ok) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: saved.fieldErrors };
    ctx.audit.summary = `Notifications: email ${input.emailEnabled ? `to ${input.emailRecipients.join(', ')}` : 'off'}, webhook ${input.webhookEnabled ? 'on' : 'off'}${input.webhookSecret ? ' (new secret)' : ''}`;
    revalidatePath(PAGE);
    return { status: 'success', message: 'Notification settings saved.' };
  },
);

const channelSchema = z.object({ channel: z.enum(['email', 'webhook']) });

// POST (form) - send a test notification on one saved channel
export const testNotificationAction = adminAction(
  channelSchema,
  { action: 'notifications.test', target: 'notification-settings' },
  async ({ channel }, ctx) => {
    ctx.audit.target = channel;
    const [result] = await sendNotification(
      {
        event: 'notification.test',
        subject: 'Test notification',
        text: `${ctx.admin.email} sent this test from Settings → Notifications.`,
        data: { sentBy: ctx.admin.email },
      },
      channel,
    );
    ctx.audit.summary = `Test notification by ${channel}`;
    ctx.audit.outcome = result?.ok ? 'success' : 'failure';
    revalidatePath(PAGE);
    if (!result)
      return {
        status: 'error',
        message: `Turn the ${channel === 'email' ? 'email' : 'webhook'} channel on and save it first.`,
      };
    return result.ok
      ? { status: 'success', message: `Test sent: ${result.detail}.` }
      : { status: 'error', message: `The test failed: ${result.detail}` };
  },
);
