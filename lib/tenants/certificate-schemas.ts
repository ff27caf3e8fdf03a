import { z } from 'zod';
import { CERTIFICATE_VALIDITY_DAYS } from './certificate-validity';

// The certificate forms of a tenant's page (checked in the browser and by the actions alike). Field names that carry
// the key or the PFX password contain "key" or "password", so a refused form never echoes them back.

export const generateCertificateSchema = z.object({
  id: z.string().min(1),
  validityDays: z.coerce.number().refine((days) => (CERTIFICATE_VALIDITY_DAYS as readonly number[]).includes(days), {
    message: 'Choose 6 months, 1 year or 2 years',
  }),
});

export const uploadCertificateSchema = z.object({
  id: z.string().min(1),
  format: z.enum(['pem', 'pfx']),
  /** The PEM text (certificate and private key), or the PFX file in base64. */
  keyFile: z.string().min(1, 'Choose a .pem or .pfx file'),
  pfxPassword: z.string().default(''),
});

export const credentialTypeSchema = z.object({
  id: z.string().min(1),
  credentialType: z.enum(['secret', 'certificate']),
});

export type UploadCertificateInput = z.output<typeof uploadCertificateSchema>;
