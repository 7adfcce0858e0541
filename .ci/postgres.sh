#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when its server binaries are missing (queue-mode e2e
# test and `npm run bench`: n8n main + workers share one database, and SQLite fails there under
# load with SQLITE_BUSY). The tests run their own throwaway server (initdb in a temp folder, a
# free 127.0.0.1 port), so the cluster the package may create and start is stopped here.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1
  exit 0
fi
sudo_=
if [ "$(id -u)" != 0 ]; then sudo_=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_ apt-get update -qq
$sudo_ apt-get install -y -qq --no-install-recommends postgresql >/dev/null
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  $sudo_ systemctl disable --now postgresql >/dev/null 2>&1 || true
elif command -v service >/dev/null 2>&1; then
  $sudo_ service postgresql stop >/dev/null 2>&1 || true
fi
ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1
