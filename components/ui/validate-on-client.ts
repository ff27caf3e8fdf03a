import type { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';

// The same schema the server action parses with, run in the browser first: errors appear at their fields without a
// round trip, and the server still decides. Universal (no server imports).

const SECRET_FIELD = /password|secret|token|key/i;

/** An error state like the server's for invalid input, or null when the schema accepts it. */
export function validateOnClient(schema: z.ZodType, formData: FormData): ActionState | null {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return null;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
  const echo = Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)));
  return { status: 'error', message: 'Check the highlighted fields.', fieldErrors, values: echo };
}
