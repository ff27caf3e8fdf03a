import 'server-only';
import crypto from 'node:crypto';

// Devices that open a connection per message log in per message: a scrypt check and the limiter's writes each time
// would make the login, not the mail, the relay's cost. A login that passed the full check is remembered for a few
// minutes, in this process only, as a SHA-256 of username and password (never the password) with the password hash
// it was checked against: a new password, a disabled client or a lock-out sends the next login the full way again.

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 1000;

interface VerifiedLogin {
  clientId: string;
  passwordHash: string;
  expiresAt: number;
}

const logins = new Map<string, VerifiedLogin>();

const keyOf = (username: string, password: string) =>
  crypto.createHash('sha256').update(`${username.toLowerCase()}\0${password}`).digest('base64');

export function rememberRelayLogin(username: string, password: string, clientId: string, passwordHash: string) {
  const key = keyOf(username, password);
  logins.delete(key);
  if (logins.size >= MAX_ENTRIES) logins.delete(logins.keys().next().value ?? '');
  logins.set(key, { clientId, passwordHash, expiresAt: Date.now() + TTL_MS });
}

/** The login this process checked recently with exactly this username and password, if any. */
export function recentRelayLogin(
  username: string,
  password: string,
): { clientId: string; passwordHash: string } | null {
  const key = keyOf(username, password);
  const found = logins.get(key);
  if (!found) return null;
  if (found.expiresAt <= Date.now()) {
    logins.delete(key);
    return null;
  }
  return { clientId: found.clientId, passwordHash: found.passwordHash };
}

export function forgetRelayLogin(username: string, password: string) {
  logins.delete(keyOf(username, password));
}
