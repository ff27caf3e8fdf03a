import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit, strict); the build need not fail on test files.
  typescript: { ignoreBuildErrors: true },
  // Native and WebAssembly modules are loaded by Node at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', '@azure/msal-node', 'nodemailer'],
};

export default nextConfig;
