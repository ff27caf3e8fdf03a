// JavaScript, not TypeScript: Next transpiles a next.config.ts with its native SWC binding every time the server
// starts, which keeps that binding and its threads in the running server (about 30 MB resident; npm run
// bench:footprint). The JSDoc below gives editors Next's types.

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit, strict); the build need not fail on test files.
  typescript: { ignoreBuildErrors: true },
  // Native and WebAssembly modules are loaded by Node at run time, not bundled.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // The console is never framed (clickjacking), and types are never sniffed. The Content-Security-Policy
          // (frame-ancestors 'none' among the rest) needs a nonce per request: proxy.ts sets it.
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Sign-in links carry single-use tokens in their path: no Referer leaves the console. (Not no-referrer,
          // which would also turn the Origin of our own form posts into "null" and fail the cross-site check.)
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
  // Form posts up to 2 MB reach the actions, so an over-long field gets its field error (lib/actions/define-action.ts);
  // proxy.ts answers 413 above that (FORM_BODY_LIMIT_BYTES), where Next itself would answer 500.
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'pg',
    '@azure/msal-node',
    'nodemailer',
    'prom-client',
  ],
};

export default nextConfig;
