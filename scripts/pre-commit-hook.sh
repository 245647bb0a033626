#!/usr/bin/env bash
# Entry point of the pre-commit hooks. The first run installs only what the CLI is built from
# (scripts/pre-commit/package-lock.json: esbuild and the CLI's third-party packages, not the
# workspace) and bundles the CLI from the sources; later runs start the bundle directly.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pre-commit"
if [ ! -f "$here/bundle/main.js" ]; then
  # pre-commit shares one clone of this repository between projects: build under a lock
  # (a directory), waiting at most 10 minutes for another build.
  for _ in $(seq 600); do mkdir "$here/.building" 2>/dev/null && break; sleep 1; done
  trap 'rmdir "$here/.building" 2>/dev/null || true' EXIT
  if [ ! -f "$here/bundle/main.js" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error && node build.js) >&2
  fi
  rmdir "$here/.building" 2>/dev/null || true
  trap - EXIT
fi
exec node "$here/run.mjs" "$@"
