// A nonce for one response's Content-Security-Policy. Universal (Web Crypto): the proxy runs it.

/** 128 random bits, base64: unguessable and new for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
