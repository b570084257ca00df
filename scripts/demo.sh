#!/usr/bin/env bash
# `npm run demo`: the whole app offline on the store simulator. Brings Node 22, dependencies, the
# Shopify schemas and the SQLite Prisma client, builds the app (the production build), and starts
# test/demo/server.ts. Arguments go to the server: --reset, --port N, --data-dir DIR, --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node22.sh
wd_ensure_node22
DATABASE_URL="file:./prisma/dev.sqlite" bash scripts/setup.sh --for-tests >&2
build=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-build" ]; then build=0; else args+=("$arg"); fi
done
if [ "$build" = 1 ]; then
  echo "Building the app..." >&2
  if ! build_log="$(node_modules/.bin/remix vite:build 2>&1)"; then
    echo "$build_log" >&2
    exit 1
  fi
fi
exec node_modules/.bin/tsx test/demo/server.ts "${args[@]}"
