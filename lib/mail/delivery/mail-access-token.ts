import 'server-only';
import { type AccessTokenResult, getAccessToken } from '@/lib/entra/get-access-token';

// Tokens for sending, always from getAccessToken (which refreshes, single-flights and marks a connection "Needs
// re-authentication"). A token is reused for up to a minute, and never within five minutes of its expiry, so that a
// batch of messages does not read and decrypt the token cache once per message. Nothing is stored.

const KEY = Symbol.for('switchboard.mail.tokens');
const REUSE_MS = 60_000;
const MARGIN_MS = 5 * 60_000;
type Cached = { result: Extract<AccessTokenResult, { ok: true }>; until: number };

function cache(): Map<string, Cached> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Cached> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export async function mailAccessToken(connectionId: string, resource: string): Promise<AccessTokenResult> {
  const key = `${connectionId}|${resource}`;
  const now = Date.now();
  const cached = cache().get(key);
  if (cached && cached.until > now) return cached.result;
  cache().delete(key);
  const result = await getAccessToken(connectionId, { resource });
  if (result.ok) cache().set(key, { result, until: Math.min(now + REUSE_MS, result.expiresOn.getTime() - MARGIN_MS) });
  return result;
}
