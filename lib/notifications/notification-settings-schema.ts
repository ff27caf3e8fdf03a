import { z } from 'zod';

// Settings → Notifications, as the form sends it. Universal: the form, the action and the store share it.

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');

const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export const notificationSettingsSchema = z
  .object({
    emailEnabled: checkbox,
    emailRecipients: z
      .string()
      .optional()
      .transform((v) => [
        ...new Set(
          (v ?? '')
            .split(/[\s,;]+/)
            .map((a) => a.trim().toLowerCase())
            .filter(Boolean),
        ),
      ])
      .refine((list) => list.every((a) => ADDRESS.test(a)), { message: 'Enter email addresses separated by commas.' })
      .refine((list) => list.length <= 20, { message: 'At most 20 addresses.' }),
    webhookEnabled: checkbox,
    webhookUrl: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim())
      .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: 'Enter an http:// or https:// URL.' })
      .refine((v) => v.length <= 2000, { message: 'At most 2000 characters.' }),
    // Blank keeps the stored secret.
    webhookSecret: z
      .string()
      .optional()
      .transform((v) => v ?? '')
      .refine((v) => v === '' || v.length >= 16, { message: 'Use at least 16 characters (openssl rand -hex 32).' }),
  })
  .superRefine((value, ctx) => {
    if (value.emailEnabled && value.emailRecipients.length === 0)
      ctx.addIssue({ code: 'custom', path: ['emailRecipients'], message: 'Enter at least one address to notify.' });
    if (value.webhookEnabled && !value.webhookUrl)
      ctx.addIssue({ code: 'custom', path: ['webhookUrl'], message: 'Enter the URL to call.' });
  });

export type NotificationSettingsInput = z.output<typeof notificationSettingsSchema>;
