#!/usr/bin/env bash
# Builds the browser extension and runs its end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd extensions/browser && pnpm exec wxt build >/dev/null)
node tests/e2e/browser/run.mjs
