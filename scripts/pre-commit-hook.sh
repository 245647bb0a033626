#!/usr/bin/env bash
# Entry point of the pre-commit hooks: installs and builds this checkout once, then runs alloy-lint.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$root/packages/cli/dist/bin.js" ]; then
  (cd "$root" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
exec node "$root/packages/cli/bin/alloy-lint.cjs" "$@"
