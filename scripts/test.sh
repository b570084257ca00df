#!/usr/bin/env bash
# `npm test`: self-sufficient on a fresh clone. Brings Node 22, dependencies, Shopify's schemas and
# the Prisma client, then runs the unit and integration tests (vitest). The database provider
# follows DATABASE_URL: unset or file:… is SQLite, postgresql://… runs the same tests on PostgreSQL
# (each test worker gets its own database on that server). Extra arguments go to vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --for-tests
. scripts/lib/node22.sh
wd_ensure_node22
exec node_modules/.bin/vitest run --project unit --project integration "$@"
