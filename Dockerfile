# syntax=docker/dockerfile:1
# Concord: build once, run as many replicas as needed on one Postgres (see deploy/compose.yaml).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
# postinstall generates the Prisma client from prisma/schema.prisma (WebAssembly, no engine download).
RUN npm install --no-audit --no-fund
COPY . .
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
# pg_dump / pg_restore for `npm run db:backup` and `db:restore` run from the container.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    CONCORD_ENV=production \
    PORT=3000
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
# Readiness, not liveness: an instance that cannot reach the database is taken out of rotation.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# next start is PID 1 (exec), so SIGTERM reaches Concord's graceful shutdown directly.
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "exec node_modules/.bin/next start -p \"$PORT\""]
