#!/usr/bin/env node
// Builds the extension and packs it as a .vsix, offline. Three esbuild bundles go to
// build/dist/: the extension (CommonJS, `vscode` external), the language server and the CLI
// (ES modules; the CLI runs "Run pipeline on samples" and "Run pipeline tests"). The schemas
// are copied to build/data/, where both find them. build/ holds exactly what the .vsix holds;
// `vsce package --no-dependencies` packs it. Run `npm run build` (tsc -b) first: the
// workspace packages are bundled from their dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ext = fileURLToPath(new URL('..', import.meta.url));
const repo = join(ext, '..', '..');
const require = createRequire(import.meta.url);

/** What the staged manifest keeps of package.json (no scripts, no dependencies: all is bundled). */
const MANIFEST_KEYS = ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'engines', 'categories', 'keywords', 'main', 'activationEvents', 'contributes'];

/** Builds build/ and returns its path. */
export async function bundle({ out = join(ext, 'build') } = {}) {
  const esbuild = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'dist'), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));
  const common = { absWorkingDir: ext, bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning', minify: true, sourcemap: false, define: { EXTENSION_VERSION: JSON.stringify(pkg.version) } };
  // CommonJS dependencies of the ES module bundles call require() for Node's own modules.
  const esm = { ...common, format: 'esm', banner: { js: "import { createRequire as __alloyRequire } from 'node:module';\nconst require = __alloyRequire(import.meta.url);" } };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: join(out, 'dist', 'extension.cjs'), format: 'cjs', external: ['vscode'] }),
    // One build for both, so the code they share (the core packages) ships once, in chunks.
    esbuild.build({ ...esm, entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' }, outdir: join(out, 'dist'), outExtension: { '.js': '.mjs' }, splitting: true, chunkNames: 'chunk-[hash]' }),
  ]);
  const schemas = dirname(require.resolve('@alloy-lint/schemas/package.json'));
  cpSync(join(schemas, 'data'), join(out, 'data'), { recursive: true });
  for (const f of ['language-configuration.json', 'syntaxes', 'README.md']) cpSync(join(ext, f), join(out, f), { recursive: true });
  cpSync(existsSync(join(ext, 'LICENSE')) ? join(ext, 'LICENSE') : join(repo, 'LICENSE'), join(out, 'LICENSE'));
  const manifest = Object.fromEntries(MANIFEST_KEYS.filter((k) => k in pkg).map((k) => [k, pkg[k]]));
  writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return out;
}

/** Packs build/ into a .vsix with vsce (offline) and returns the file's path. */
export async function packageVsix({ out = join(ext, 'build'), vsix } = {}) {
  const dir = await bundle({ out });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = vsix ?? join(ext, `${pkg.name}-${pkg.version}.vsix`);
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', file], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = process.argv.includes('--bundle-only');
  const result = only ? await bundle() : await packageVsix();
  console.log(result);
}
