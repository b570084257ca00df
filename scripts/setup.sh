#!/usr/bin/env bash
# Brings a fresh clone to a runnable state; safe to run again (each step skips when current).
#   Node 22 (from the npm registry when the system Node is older), dependencies (npm ci),
#   Shopify's GraphQL schemas, the Prisma client for DATABASE_URL's provider (from the environment
#   or .env), and the migrations applied to DATABASE_URL (default: the SQLite file).
# --for-tests: for `npm test`, which makes its own databases: no migration, and .env is not read
#   (tests take DATABASE_URL from the environment only, so a developer's .env cannot redirect them).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node22.sh
wd_ensure_node22

for_tests=0
[ "${1:-}" = "--for-tests" ] && for_tests=1

# Dependencies: reinstall when package-lock.json changed since the last install.
want="$(node -e 'const c=require("crypto");process.stdout.write(c.createHash("sha256").update(require("fs").readFileSync("package-lock.json")).digest("hex")+process.version)')"
stamp="node_modules/.warranty-desk-install"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing dependencies (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s' "$want" > "$stamp"
fi

node scripts/fetch-shopify-schema.mjs
if [ "$for_tests" = 1 ]; then
  node scripts/db.mjs generate
else
  node --env-file-if-exists=.env scripts/db.mjs generate
  node --env-file-if-exists=.env scripts/db.mjs deploy
fi
