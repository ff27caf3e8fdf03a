import crypto from 'node:crypto';

// PKCE (RFC 7636, S256), and the random values of an authorization request. Only hashes of the state and of the
// browser binding are stored, so a copy of the database cannot complete someone's sign-in.

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('base64url');
}

export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomToken(48);
  return { verifier, challenge: sha256(verifier) };
}
