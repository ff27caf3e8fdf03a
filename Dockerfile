# syntax=docker/dockerfile:1
# Switchboard's container image. `docker build -t switchboard .`; compose.yaml runs two instances on PostgreSQL.
# Nothing is downloaded at build time except npm packages: install scripts are off, and the two packages that need
# one are rebuilt explicitly; the SQLite driver compiles from source with the build stage's toolchain and the Node
# headers the image ships (no prebuilt binary, no header download), and Prisma's engine download never runs.

FROM node:20-bookworm AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false \
    npm_config_audit=false \
    npm_config_fund=false
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY scripts/db ./scripts/db
COPY prisma ./prisma
RUN npm ci --ignore-scripts \
 && npm rebuild better-sqlite3 esbuild \
 && node scripts/db/generate-client.mjs
COPY . .
# The same build `npm start` would do, done now: it stamps the sources, so the container starts without building.
RUN node --input-type=module -e "import { buildIfNeeded } from './scripts/support/build-if-needed.mjs'; buildIfNeeded(process.cwd(), process.env);"

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    MALLOC_ARENA_MAX=2 \
    SWITCHBOARD_DATA_DIR=/data \
    PORT=3000 \
    HOSTNAME=0.0.0.0
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
# The application stays owned by root (read-only to the process); Next may write its cache under .next.
COPY --from=build /app /app
COPY --from=build --chown=node:node /app/.next /app/.next
USER node
VOLUME ["/data"]
# The console; the SMTP relay's STARTTLS port (map 587 and 25 to it) and, with SWITCHBOARD_RELAY_TLS_PORT=2465, its
# implicit-TLS port (map 465 to it). The relay listens only once an administrator turns it on.
EXPOSE 3000 2525 2465
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server itself, as `npm start` runs it once the build is there (the build stage made it): npm and the start script
# would stay resident beside it for nothing (about 110 MB), and node receives `docker stop`'s SIGTERM itself and stops
# cleanly. MALLOC_ARENA_MAX=2 above is what `npm start` sets too (scripts/support/server-env.mjs).
CMD ["node", "--import", "./scripts/support/register-server-only.mjs", ".next/switchboard-server.mjs"]
