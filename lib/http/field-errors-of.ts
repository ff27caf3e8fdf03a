import type { z } from 'zod';

// A failed parse as field errors named by their path (`attachments.0.filename`), the first message of each field:
// what forms (lib/actions) and the public API (lib/mail/outbox) answer alike. Universal.
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}
