import { z } from 'zod';

// The enterprise application's object id typed on the connection page (before any app-only token recorded it).
// Universal: the form validates with it in the browser, the action on the server.

export const servicePrincipalSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Unknown connection'),
  servicePrincipalId: z
    .string()
    .trim()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'Enter the Object ID as a GUID, e.g. 6233fba6-0198-4277-892f-9275bf728bcc (Enterprise applications → the app → Overview)',
    )
    .transform((value) => value.toLowerCase()),
});
