# shellcheck shell=bash
# Sourced by the project's scripts: makes Node.js >= 22 the first `node` on PATH.
# The machines may carry an older system Node. When they do, the official Node binary is taken
# from the npm registry (package node-<os>-<arch>, the one the `node` package itself installs)
# into .tools/, so nothing is downloaded from anywhere but the registry.
NODE22_VERSION="22.23.3"

wd_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

wd_ensure_node22() {
  local root tools os arch pkg dir
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if command -v node >/dev/null 2>&1 && [ "$(wd_node_major node)" -ge 22 ]; then return 0; fi
  tools="$root/.tools"
  dir="$tools/node-$NODE22_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || { echo "error: npm is needed to fetch Node $NODE22_VERSION from the npm registry; install Node.js (any version) first." >&2; return 1; }
    case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "error: unsupported OS $(uname -s); install Node 22 yourself (see .nvmrc)." >&2; return 1 ;; esac
    case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "error: unsupported CPU $(uname -m); install Node 22 yourself (see .nvmrc)." >&2; return 1 ;; esac
    pkg="node-$os-$arch@$NODE22_VERSION"
    echo "Node $(node -v 2>/dev/null || echo 'is missing') is older than 22: fetching $pkg from the npm registry into .tools/ (once)." >&2
    mkdir -p "$tools/tmp"
    local tgz
    # npm pack checks the registry's integrity hash of the tarball.
    tgz="$(cd "$tools/tmp" && npm pack --silent "$pkg" 2>/dev/null | tail -n 1)" || { echo "error: could not fetch $pkg from the npm registry." >&2; return 1; }
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    tar -xzf "$tools/tmp/$tgz" -C "$dir.partial" --strip-components=1 package/bin package/LICENSE
    rm -f "$tools/tmp/$tgz"
    mv "$dir.partial" "$dir"
  fi
  export PATH="$dir/bin:$PATH"
  [ "$(wd_node_major node)" -ge 22 ] || { echo "error: Node 22 bootstrap failed ($dir/bin/node does not run)." >&2; return 1; }
}
