# syntax=docker/dockerfile:1
# Warranty Desk's production image, shaped like Shopify's app template's Dockerfile (Node, npm ci
# --omit=dev, npm run build, EXPOSE, CMD npm run docker-start), in stages: the build needs the dev
# dependencies (Vite, Remix's compiler, esbuild); the image keeps only the runtime ones.
# `npm run docker-start` applies pending migrations (prisma migrate deploy, via scripts/db.mjs) and
# then starts the server, so every release migrates before it serves. GET /healthz answers 200 when
# the database answers. See docs/decisions/026-production-server-image-and-structured-logs.md.
#   docker build -t warranty-desk .
#   docker run -p 3000:3000 -e SHOPIFY_API_KEY=... -e SHOPIFY_API_SECRET=... \
#     -e SHOPIFY_APP_URL=https://... -e DATABASE_URL=postgresql://... warranty-desk

# Debian slim rather than Alpine: sharp's and libSQL's native builds are the glibc ones CI tests.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# The Prisma client is generated at start, for DATABASE_URL's provider (SQLite or PostgreSQL).
ENV PRISMA_SKIP_POSTINSTALL_GENERATE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# The runtime dependencies only. No install scripts: sharp, libSQL and esbuild load their prebuilt
# binaries from their platform packages, and Prisma runs without its native engines (prisma.config.ts),
# so nothing is downloaded from outside the npm registry.
FROM base AS production-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# The Remix build (build/server, build/client) and the server bundle (build/server.js).
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm cache clean --force
COPY . .
RUN npm run build

FROM base AS runtime
# MALLOC_ARENA_MAX: glibc's allocator gives threads arenas of their own and keeps what is freed in
# them; sharp re-encodes photos on libuv's 4 threads, so after a few uploads each thread's arena held
# a 12 MP photo's working set (`npm run bench -- --only uploads`: the app +107 MB over idle after 10
# photos, +57 MB with 2 arenas). bench/bench-server.ts runs the app with this same setting.
ENV NODE_ENV=production \
    PORT=3000 \
    MALLOC_ARENA_MAX=2
# Owned by the unprivileged user: the Prisma client is generated into node_modules/.prisma at
# start, and a SQLite DATABASE_URL (file:./prisma/...) writes beside the schema.
COPY --chown=node:node --from=production-deps /app/node_modules ./node_modules
COPY --chown=node:node --from=build /app/build ./build
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node scripts/db.mjs ./scripts/db.mjs
COPY --chown=node:node app/db/database-target.server.mjs ./app/db/database-target.server.mjs
# Where a SQLite database lives: mount a volume here and set DATABASE_URL=file:/data/warranty-desk.sqlite.
# A fresh volume takes the owner of the directory it is mounted on, so the unprivileged user can
# create the database in it (a volume on a directory root owns is not writable by `node`).
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --silent: npm's "> warranty-desk@… docker-start" banner would be the only lines on standard output
# that are not JSON (the release step writes to standard error; a failure still exits non-zero).
CMD ["npm", "run", "--silent", "docker-start"]
