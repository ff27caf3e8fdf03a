// JavaScript, not TypeScript: Next transpiles a next.config.ts with its native SWC binding every time the server
// starts, which keeps that binding and its threads in the running server (about 30 MB resident; npm run
// bench:footprint). The JSDoc below gives editors Next's types.
import { STATIC_HEADERS } from './lib/http/static-headers.mjs';

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
        headers: STATIC_HEADERS.map(([key, value]) => ({ key, value })),
      },
    ];
  },
  // Form posts up to 2 MB reach the actions, so an over-long field gets its field error (lib/actions/define-action.ts);
  // proxy.ts answers 413 above that (FORM_BODY_LIMIT_BYTES), where Next itself would answer 500.
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
  // lib/db/open-sqlite-direct.ts finds better-sqlite3 for its writer thread with createRequire at run time, from the
  // working folder: webpack need not (and cannot) resolve that argument at build time.
  webpack(config) {
    config.module.parser = {
      ...config.module.parser,
      javascript: { ...config.module.parser?.javascript, createRequire: false },
    };
    return config;
  },
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
