import { z } from 'zod';

// The API keys form and its actions. Universal.

export const createApiKeySchema = z.object({
  name: z
    .string({ error: 'Enter a name' })
    .trim()
    .min(1, 'Enter a name that says which program uses it, e.g. “Ticketing system”')
    .max(100, 'Use at most 100 characters'),
});

export const apiKeyIdSchema = z.object({ id: z.string().min(1) });
