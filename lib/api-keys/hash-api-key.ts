import crypto from 'node:crypto';

// API keys carry 192 random bits, so a plain SHA-256 is enough to store them (no salt or slow hash needed: there is
// nothing to guess), and it lets a request find its key with one indexed lookup.
export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}
