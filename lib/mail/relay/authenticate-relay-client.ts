import 'server-only';
import { decoyHash, verifyPassword } from '@/lib/auth/password';
import { clearAttempts, isExhausted, releaseAttempt, reserveAttempt } from '@/lib/auth/rate-limit';
import { db } from '@/lib/db/prisma';
import { recordRelayEvent } from './record-relay-event';
import { RELAY_LOGIN_LIMITS, relayAddressKey, relayUsernameKey } from './relay-login-limits';
import { forgetRelayLogin, recentRelayLogin, rememberRelayLogin } from './verified-relay-logins';

export type RelayLogin = { ok: true; clientId: string } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * AUTH PLAIN/LOGIN of a relay client: the attempt is taken from the address's and the username's windows before the
 * password is checked (the same atomic limiter as the console login), so guesses sent together cannot outrun it. A
 * wrong password keeps its reservation; a right one clears the username's window and gives the address its attempt.
 * The same username and password again within minutes (a device that connects per message) is checked by reads
 * only: the client still has that password hash and is enabled, and neither window is used up.
 */
export async function authenticateRelayClient(
  username: string,
  password: string,
  address: string,
): Promise<RelayLogin> {
  const byAddress = { key: relayAddressKey(address), ...RELAY_LOGIN_LIMITS.perAddress };
  const byUsername = { key: relayUsernameKey(username), ...RELAY_LOGIN_LIMITS.perUsername };
  const recent = recentRelayLogin(username, password);
  if (recent) {
    const [client, addressLocked, usernameLocked] = await Promise.all([
      db().relayClient.findUnique({
        where: { id: recent.clientId },
        select: { authMode: true, passwordHash: true, enabled: true },
      }),
      isExhausted(byAddress),
      isExhausted(byUsername),
    ]);
    const unchanged = client?.authMode === 'password' && client.enabled && client.passwordHash === recent.passwordHash;
    if (unchanged && !addressLocked && !usernameLocked) return { ok: true, clientId: recent.clientId };
    forgetRelayLogin(username, password);
  }
  if (!(await reserveAttempt(byAddress)).ok) return { ok: false, reason: 'locked' };
  if (!(await reserveAttempt(byUsername)).ok) {
    await releaseAttempt(byAddress.key);
    const locked = await db().relayClient.findUnique({
      where: { username: username.toLowerCase() },
      select: { id: true },
    });
    if (locked) await recordRelayEvent(locked.id, { outcome: 'seen', address });
    return { ok: false, reason: 'locked' };
  }
  const client = await db().relayClient.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, authMode: true, passwordHash: true, enabled: true },
  });
  const usable = client?.authMode === 'password' && client.passwordHash ? client.passwordHash : null;
  const valid = await verifyPassword(password, usable ?? (await decoyHash()));
  if (!client || !usable || !valid || !client.enabled) {
    if (client)
      await recordRelayEvent(client.id, {
        outcome: 'seen',
        address,
        error: valid && !client.enabled ? 'Client disabled' : 'Wrong password',
      });
    return { ok: false, reason: 'invalid' };
  }
  await clearAttempts(byUsername.key);
  await releaseAttempt(byAddress.key);
  rememberRelayLogin(username, password, client.id, usable);
  return { ok: true, clientId: client.id };
}
