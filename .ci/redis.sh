#!/usr/bin/env bash
# Installs Redis from Debian's packages when `redis-server` is not on PATH (queue-mode e2e test
# and `npm run bench`). The tests start their own redis-server on a free 127.0.0.1 port, so the
# service the package may start is stopped and disabled here.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  redis-server --version
  exit 0
fi
sudo_=
if [ "$(id -u)" != 0 ]; then sudo_=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_ apt-get update -qq
$sudo_ apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# Debian's package starts a system service on 6379 where an init system runs; the tests do not use it.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  $sudo_ systemctl disable --now redis-server >/dev/null 2>&1 || true
elif command -v service >/dev/null 2>&1; then
  $sudo_ service redis-server stop >/dev/null 2>&1 || true
fi
redis-server --version
