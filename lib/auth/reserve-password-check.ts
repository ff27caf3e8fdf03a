import 'server-only';
import { clearAttempts, LOGIN_LIMITS, releaseAttempt, reserveAttempt } from './rate-limit';

export type PasswordCheckReservation =
  { ok: true; succeeded(): Promise<void> } | { ok: false; retryAfterSeconds: number };

/**
 * One password check for an account from a client address, reserved before scrypt runs (sign-in and the current
 * password on password change share it: both guess the same secret). A wrong password keeps its reservation; a
 * right one clears the account's window and gives the address its attempt back.
 */
export async function reservePasswordCheck(email: string, ipAddress: string | null): Promise<PasswordCheckReservation> {
  const address = { key: `login:address:${ipAddress ?? 'unknown'}`, ...LOGIN_LIMITS.perAddress };
  const account = { key: `login:account:${email.toLowerCase()}`, ...LOGIN_LIMITS.perAccount };
  const byAddress = await reserveAttempt(address);
  if (!byAddress.ok) return byAddress;
  const byAccount = await reserveAttempt(account);
  if (!byAccount.ok) {
    // Refused for the account: that attempt checked nothing, so the address keeps it.
    await releaseAttempt(address.key);
    return byAccount;
  }
  return {
    ok: true,
    async succeeded() {
      await clearAttempts(account.key);
      await releaseAttempt(address.key);
    },
  };
}
