import 'server-only';
import net from 'node:net';
import { env } from '@/lib/env';
import type { AllowedNetwork } from './allowed-networks';
import { checkAddress } from './check-address';

// A form-time answer for URLs whose host is already an address (http://127.0.0.1/, http://2130706433/,
// http://0.0.0.0/, http://[::ffff:7f00:1]/ — the URL parser normalises them all) or `localhost`, so the
// administrator sees the refusal at the field. Host names are judged again, on what they resolve to, at connect time
// (lib/net/guarded-request.ts): this check is a courtesy, not the guard.

export const NOT_PUBLIC_MESSAGE =
  'This address is not public (loopback, private, link-local or another special range). Webhooks may only reach such an address when the operator lists its network in SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS';

export function checkUrlDestination(
  url: string,
  allowed: readonly AllowedNetwork[] = env().SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS,
): string | null {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
  const literal =
    hostname === 'localhost' || hostname.endsWith('.localhost') ? '127.0.0.1' : net.isIP(hostname) ? hostname : null;
  if (!literal) return null;
  return checkAddress(literal, allowed).allowed ? null : NOT_PUBLIC_MESSAGE;
}
