#!/usr/bin/env bash
# Installs what the real-editor tests need, from Debian and npm only: Chromium, and code-server with
# its own Node 24. Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
chromium --version 2>/dev/null | head -n 1
bash scripts/install-code-server.sh
