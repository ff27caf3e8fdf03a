import { contentSecurityPolicy } from './content-security-policy';

// The headers proxy.ts puts on every answer of the console (the static ones are in next.config.mjs). Universal.

/** The policy with this response's nonce, and HSTS only when the public address is https. */
export function securityHeaders(
  nonce: string,
  publicUrl: string | undefined,
  development = false,
): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Security-Policy': contentSecurityPolicy(nonce, { development }) };
  if (publicUrl?.toLowerCase().startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}
