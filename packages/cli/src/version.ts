import { readFileSync } from 'node:fs';

// Set by the bundler (packages/cli/scripts/bundle.js); tsc's output reads package.json instead.
declare const ALLOY_LINT_VERSION: string | undefined;

/** The CLI's own version. */
export function version(): string {
  if (typeof ALLOY_LINT_VERSION === 'string') return ALLOY_LINT_VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
