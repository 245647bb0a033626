#!/usr/bin/env node
// Builds the extension and packs it as a .vsix, offline. build/ holds exactly what the .vsix
// holds:
//   dist/extension.cjs   the client (esbuild, CommonJS, `vscode` external)
//   dist/server.mjs      the language server (esbuild from packages/lsp; elkjs external)
//   node_modules/        what `npm install @alloy-lint/cli` would put there: the CLI as
//                        published (bin + bundle, for "Run pipeline on samples/tests"), the
//                        schemas package (its data/, which the CLI and the server both find by
//                        resolving the package) and elkjs (EPL-2.0, kept as its own files).
// `vsce package` packs it, reading the three dependencies with `npm list` (local, no network).
// Run `npm run build` first: it builds packages/*/dist and the CLI bundle.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ext = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** What the staged manifest keeps of package.json (no scripts, no dev dependencies). */
const MANIFEST_KEYS = ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'repository', 'engines', 'categories', 'keywords', 'main', 'activationEvents', 'contributes'];

/** Packages copied into build/node_modules: name → the files of it the extension runs. */
const SHIPPED = {
  '@alloy-lint/cli': ['package.json', 'LICENSE', 'bin', 'bundle'],
  '@alloy-lint/schemas': ['package.json', 'LICENSE', 'data'],
  elkjs: ['package.json', 'LICENSE.md', 'lib/elk.bundled.js'],
};

/** Builds build/ and returns its path. */
export async function bundle({ out = join(ext, 'build') } = {}) {
  const esbuild = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'dist'), { recursive: true });
  const pkg = readJson(join(ext, 'package.json'));
  const common = { absWorkingDir: ext, bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning', minify: true, define: { EXTENSION_VERSION: JSON.stringify(pkg.version) } };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: join(out, 'dist', 'extension.cjs'), format: 'cjs', external: ['vscode'] }),
    esbuild.build({
      ...common,
      entryPoints: ['src/server.ts'],
      outfile: join(out, 'dist', 'server.mjs'),
      format: 'esm',
      external: ['elkjs'],
      // CommonJS dependencies call require() for Node's own modules.
      banner: { js: "import { createRequire as __alloyRequire } from 'node:module';\nconst require = __alloyRequire(import.meta.url);" },
    }),
  ]);
  const dependencies = {};
  for (const [name, files] of Object.entries(SHIPPED)) {
    const from = dirname(require.resolve(`${name}/package.json`));
    for (const f of files) cpSync(join(from, f), join(out, 'node_modules', name, f), { recursive: true });
    dependencies[name] = readJson(join(from, 'package.json')).version;
  }
  for (const f of ['language-configuration.json', 'syntaxes', 'README.md', 'LICENSE']) cpSync(join(ext, f), join(out, f), { recursive: true });
  const manifest = Object.fromEntries(MANIFEST_KEYS.filter((k) => k in pkg).map((k) => [k, pkg[k]]));
  writeFileSync(join(out, 'package.json'), JSON.stringify({ ...manifest, dependencies }, null, 2) + '\n');
  return out;
}

/** Packs build/ into a .vsix with vsce (offline) and returns the file's path. */
export async function packageVsix({ out = join(ext, 'build'), vsix } = {}) {
  const dir = await bundle({ out });
  const pkg = readJson(join(dir, 'package.json'));
  const file = vsix ?? join(ext, `${pkg.name}-${pkg.version}.vsix`);
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const args = [vsce, 'package', '--dependencies', '--no-yarn', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', file];
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = process.argv.includes('--bundle-only') ? await bundle() : await packageVsix();
  console.log(result);
}
