#!/usr/bin/env bash
# Every test Greenlight has, in one run: generated files, types, unit/rule/fixture/property/CLI/LSP
# tests, corpus accuracy, and the two real-editor suites (Chromium with the extension, code-server).
# Installs what the real-editor suites need (Debian's chromium, code-server on Node 24) when missing.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
failures=()
step() {
  local name=$1
  shift
  echo
  echo "=== ${name}"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "=== ${name}: ok ($((SECONDS - t0)) s)"
  else
    failed=$((failed + 1))
    failures+=("${name}")
    echo "=== ${name}: FAILED ($((SECONDS - t0)) s)"
  fi
}

step "generated files are up to date" pnpm gen:check
step "typecheck" pnpm typecheck
step "unit, rule, fixture, property, CLI and language-server tests" pnpm test
step "VS Code extension: types and unit tests" bash -c 'pnpm --filter greenlight-vscode typecheck && pnpm --filter greenlight-vscode test' 
step "browser extension: types and unit tests (WXT fake browser)" bash -c 'pnpm --filter greenlight-browser typecheck && pnpm --filter greenlight-browser test'
step "accuracy on the labelled corpus" pnpm eval --check
step "setup for real-editor tests" bash scripts/setup-e2e.sh
step "browser extension in Chromium" bash scripts/e2e-browser.sh
step "VS Code extension in code-server" bash scripts/e2e-vscode.sh

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "suites: ${passed} passed, ${failed} failed"
[ "${failed}" -eq 0 ]
