import { z } from 'zod';
import { CONNECTION_TYPES, SMTP_AUTH_MODES } from './email-settings-schema';

// What a delivery needs to know, from the saved settings or, for a test email, from the form as it was typed
// (kept encrypted with the message, since it may hold the Basic password). Universal; nothing secret at rest here.

export const EMAIL_SETTINGS_ID = 'global';

export const deliverySettingsSchema = z.object({
  enabled: z.boolean(),
  connectionType: z.enum(CONNECTION_TYPES),
  host: z.string(),
  port: z.number().int(),
  useSsl: z.boolean(),
  implicitTls: z.boolean(),
  smtpAuth: z.enum(SMTP_AUTH_MODES),
  username: z.string(),
  password: z.string(),
  mailboxAddress: z.string(),
  connectionId: z.string(),
  senderAddress: z.string(),
  senderName: z.string(),
  allowedSenders: z.array(z.string()),
});

export type DeliverySettings = z.infer<typeof deliverySettingsSchema>;
