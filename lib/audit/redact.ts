// Audit details describe what changed, never a secret's value: any key that names a secret is replaced.
const SECRET_KEY = /secret|password|token|verifier|cache|apikey|api_key|authorization|cookie|^key$/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? (v ? '[redacted]' : v) : redact(v, depth + 1),
      ]),
    );
  }
  return value;
}
