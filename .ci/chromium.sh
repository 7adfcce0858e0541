#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (test/e2e/browser.test.ts) when it is missing.
# Browsers are never downloaded by Playwright: playwright-core drives this system Chromium.
# Usage (root or sudo): bash .ci/chromium.sh   -> prints the Chromium version.
set -euo pipefail
bin=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$bin" ]; then
  sudo=
  if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  $sudo apt-get install -y chromium
fi
"$bin" --version
