// NUL characters anywhere in a parsed JSON value, as field errors named by their path (`attachments.0.filename`).
// Universal. PostgreSQL refuses NUL in text and SQLite stores it: both are refused here alike, with a message
// for the field, instead of a 500 on one database and an odd record on the other.

export function nulFieldErrors(
  value: unknown,
  path: string[] = [],
  errors: Record<string, string> = {},
): Record<string, string> {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      errors[path.join('.') || 'body'] = 'Remove the NUL character (\\u0000) from this field';
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulFieldErrors(item, [...path, String(index)], errors));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000'))
        errors[[...path, key.replace(/\u0000/g, '\\u0000')].join('.')] =
          'Remove the NUL character (\\u0000) from this field name';
      else nulFieldErrors(item, [...path, key], errors);
    }
  }
  return errors;
}
