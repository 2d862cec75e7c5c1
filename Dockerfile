# The bot as one container: `docker compose up` (docker-compose.yml) runs
# several of them behind Caddy on one PostgreSQL; alone, it runs on SQLite
# in /app/data (mount a volume there).

FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module where its prebuilt binary cannot be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY . .
# Installs exactly the lockfile, then (postinstall) generates the database
# client and builds the Mini App into web/dist.
RUN npm ci && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production PORT=8080
COPY --from=build --chown=node:node /app /app
USER node
RUN mkdir -p /app/data
EXPOSE 8080
# The server answers /healthz with 503 when the database or the jobs are down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Not `npm start`: npm would not pass SIGTERM on, and the bot stops cleanly on it.
CMD ["node", "--import", "tsx", "src/main.ts"]
