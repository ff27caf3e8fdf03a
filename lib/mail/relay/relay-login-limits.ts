// The relay's password limits, the console login's (lib/auth/rate-limit.ts): five wrong passwords lock a username for
// 15 minutes, twenty lock an address. Universal.

export const RELAY_LOGIN_LIMITS = {
  perUsername: { limit: 5, windowMs: 15 * 60_000 },
  perAddress: { limit: 20, windowMs: 15 * 60_000 },
};

export const relayUsernameKey = (username: string) => `relay:username:${username.toLowerCase()}`;
export const relayAddressKey = (address: string) => `relay:address:${address}`;
