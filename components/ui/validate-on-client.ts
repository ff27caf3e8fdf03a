import type { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';

// The same schema the server action parses with, run in the browser first: errors appear at their fields without a
// round trip, and the server still decides. The schema is loaded when the form is submitted (`load` is a dynamic
// import), so zod (31 kB compressed) is not part of a form page's first load. Universal (no server imports).

const SECRET_FIELD = /password|secret|token|key/i;

/** An error state like the server's for invalid input, or null when the schema accepts it. */
export async function validateOnClient(
  load: () => Promise<z.ZodType>,
  formData: FormData,
): Promise<ActionState | null> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  let schema: z.ZodType;
  try {
    schema = await load();
  } catch {
    // Its chunk could not be loaded (offline for a moment, or a new version deployed since the page was opened): the
    // server checks the same fields.
    return null;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return null;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
  const echo = Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)));
  return { status: 'error', message: 'Check the highlighted fields.', fieldErrors, values: echo };
}
