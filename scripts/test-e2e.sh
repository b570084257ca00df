#!/usr/bin/env bash
# `npm run test:e2e`: end-to-end tests in Debian's Chromium (driven by playwright-core; no browser
# is ever downloaded) against the demo: the production build on the store simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node22.sh
wd_ensure_node22
DATABASE_URL="file:./prisma/dev.sqlite" bash scripts/setup.sh --for-tests
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "Chromium is missing: install Debian's package (sudo apt-get install chromium), or set CHROMIUM_PATH." >&2
  exit 1
fi
if [ "${E2E_SKIP_BUILD:-}" != 1 ]; then
  if ! build_log="$(node_modules/.bin/remix vite:build 2>&1)"; then
    echo "$build_log" >&2
    exit 1
  fi
fi
exec node_modules/.bin/vitest run --project e2e "$@"
