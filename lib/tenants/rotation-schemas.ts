import { z } from 'zod';
import { CERTIFICATE_VALIDITY_DAYS } from './certificate-validity';
import { latestSecretExpiry } from './latest-secret-expiry';
import { secretSchema } from './schemas';

// The Rotate credential forms of a tenant's page (checked in the browser and by the actions alike). The new secret's
// field is named clientSecret, so a refused form never echoes it back (lib/actions/define-action.ts).

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const newSecretExpirySchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const value = (raw ?? '').trim();
    if (!value) {
      ctx.addIssue({ code: 'custom', message: 'Enter the date the new secret expires (the Expires column in Azure)' });
      return z.NEVER;
    }
    const date = new Date(`${value}T00:00:00.000Z`);
    if (!DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD' });
      return z.NEVER;
    }
    const today = new Date().toISOString().slice(0, 10);
    if (value <= today) {
      ctx.addIssue({ code: 'custom', message: 'This date is not in the future: a new secret must still be valid' });
      return z.NEVER;
    }
    const latest = latestSecretExpiry();
    if (value > latest) {
      ctx.addIssue({
        code: 'custom',
        message: `Microsoft caps a new client secret at two years (until ${latest}). Choose an earlier date; Microsoft advises shorter, such as 6 or 12 months`,
      });
      return z.NEVER;
    }
    return date;
  });

export const pendingSecretSchema = z.object({
  id: z.string().min(1),
  clientSecret: secretSchema.transform((value, ctx) => {
    if (value !== undefined) return value;
    ctx.addIssue({
      code: 'custom',
      message: 'Enter the new client secret’s Value (shown once in Azure, when created)',
    });
    return z.NEVER;
  }),
  expiresOn: newSecretExpirySchema,
});

export const pendingGeneratedCertificateSchema = z.object({
  id: z.string().min(1),
  validityDays: z.coerce.number().refine((days) => (CERTIFICATE_VALIDITY_DAYS as readonly number[]).includes(days), {
    message: 'Choose 6 months, 1 year or 2 years',
  }),
});

export type PendingSecretInput = z.output<typeof pendingSecretSchema>;
