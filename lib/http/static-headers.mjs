// The headers on every answer of the console that do not depend on the request, as [name, value] pairs: next.config.mjs
// puts them on Next's answers and lib/http/precompressed-static.ts on the brotli scripts it sends itself. JavaScript,
// not TypeScript, so that next.config.mjs can import it. Universal.

export const STATIC_HEADERS = [
  // The console is never framed (clickjacking), and types are never sniffed. The Content-Security-Policy
  // (frame-ancestors 'none' among the rest) needs a nonce per request: proxy.ts sets it.
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  // Sign-in links carry single-use tokens in their path: no Referer leaves the console. (Not no-referrer, which would
  // also turn the Origin of our own form posts into "null" and fail the cross-site check.)
  ['Referrer-Policy', 'same-origin'],
];
