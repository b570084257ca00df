#!/usr/bin/env bash
# Runs a command with Node.js >= 22 first on PATH: `bash scripts/with-node22.sh CMD ARGS...`.
set -euo pipefail
. "$(dirname "$0")/lib/node22.sh"
wd_ensure_node22
exec "$@"
