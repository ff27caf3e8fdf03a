// Access tokens handed out in the last minute, per connection and resource, so that a batch of sends or a busy
// robot does not decrypt the token cache, build an MSAL client and write the connection row once per message.
// A token is reused for at most a minute and never within five minutes of its expiry; a sign-in, a disconnect or a
// move to another tenant forgets it at once. Kept on globalThis: the server entry and Next's bundle share it.

const KEY = Symbol.for('switchboard.recentAccessTokens');
const REUSE_MS = 60_000;
const MARGIN_MS = 5 * 60_000;

interface Recent<T> {
  value: T;
  until: number;
}

function memory<T>(): Map<string, Recent<T>> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Recent<T>> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

const keyOf = (connectionId: string, resource: string | undefined) => `${connectionId}|${resource ?? ''}`;

export function recentAccessToken<T>(
  connectionId: string,
  resource: string | undefined,
  now = Date.now(),
): T | undefined {
  const entry = memory<T>().get(keyOf(connectionId, resource));
  if (entry && entry.until > now) return entry.value;
  return undefined;
}

export function rememberAccessToken<T>(
  connectionId: string,
  resource: string | undefined,
  value: T,
  expiresOn: Date,
  now = Date.now(),
): void {
  const until = Math.min(now + REUSE_MS, expiresOn.getTime() - MARGIN_MS);
  if (until > now) memory<T>().set(keyOf(connectionId, resource), { value, until });
}

export function forgetAccessTokens(connectionId: string): void {
  for (const key of memory().keys()) if (key.startsWith(`${connectionId}|`)) memory().delete(key);
}
