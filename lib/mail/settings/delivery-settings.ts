import { z } from 'zod';
import { emailTransportSchema } from '@/lib/mail/transports/email-transport';

// What a delivery needs to know, from the saved settings or, for a test email, from the form as it was typed: the
// fields every transport shares, and the transport itself (lib/mail/transports). Universal; nothing secret at rest here.

export const EMAIL_SETTINGS_ID = 'global';

export const deliverySettingsSchema = z.object({
  enabled: z.boolean(),
  transport: emailTransportSchema,
  senderAddress: z.string(),
  senderName: z.string(),
  allowedSenders: z.array(z.string()),
});

export type DeliverySettings = z.infer<typeof deliverySettingsSchema>;
