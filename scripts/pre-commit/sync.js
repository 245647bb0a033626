// Rewrites this folder's package.json from the CLI bundle's inputs, then its lockfile:
// `node scripts/pre-commit/sync.js` after the CLI's third-party packages change
// (test/pre-commit.test.ts fails until then).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle, EXTERNAL } from '../../packages/cli/scripts/bundle.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

/**
 * What the hooks must install: every third-party package the bundle is built from (name →
 * version), the runtime externals, esbuild, and @alloy-lint/schemas (its data) from this checkout.
 */
export async function hookDependencies(esbuild) {
  const out = mkdtempSync(join(tmpdir(), 'alloy-lint-bundle-'));
  try {
    const meta = await bundle({ esbuild, outdir: out });
    const used = new Map();
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
      if (m) used.set(m[2], JSON.parse(readFileSync(join(repo, m[1], 'package.json'), 'utf8')).version);
    }
    for (const name of EXTERNAL) used.set(name, JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version);
    used.set('esbuild', esbuild.version);
    // Only packages some workspace package names: the others come with them.
    const declared = new Set(['esbuild']);
    for (const d of readdirSync(join(repo, 'packages'))) {
      const file = join(repo, 'packages', d, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) declared.add(name);
    }
    const deps = Object.fromEntries([...used].filter(([n]) => declared.has(n)).sort(([a], [b]) => (a < b ? -1 : 1)));
    deps['@alloy-lint/schemas'] = 'file:../../packages/schemas';
    return { dependencies: Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1))), used };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { dependencies } = await hookDependencies(await import('esbuild'));
  const file = join(here, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...pkg, dependencies }, null, 2) + '\n');
  const r = spawnSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
