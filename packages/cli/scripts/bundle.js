#!/usr/bin/env node
// Bundles the CLI with esbuild into packages/cli/bundle/: one ES module entry (`main.js`) and
// one chunk per command module and per shared piece (code splitting), so `--version` and `fmt`
// load only small chunks. The workspace packages are bundled from their TypeScript sources;
// third-party code is bundled too (its licences go to THIRD-PARTY-NOTICES.txt), except elkjs
// (EPL-2.0, loaded only by `graph`), which stays a dependency. ARCHITECTURE.md, "Build", has
// the layout and the start-up figures behind each choice here.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('..', import.meta.url));
const packages = dirname(cli);
const repo = dirname(packages);

/** Packages that stay `import`s of the bundle, resolved from node_modules at run time. */
export const EXTERNAL = ['elkjs'];

/**
 * Packages loaded on first use from a CommonJS file of their own (`bundle/<name>.cjs`), with
 * the exports our sources may import (the build fails on any other): `check` and `fmt` read no
 * YAML, and yaml costs ~3.5 ms of CPU to load.
 */
export const LAZY = { yaml: ['isAlias', 'isMap', 'isScalar', 'isSeq', 'LineCounter', 'parseAllDocuments', 'parse'] };

/** yaml in its ES module build (the one browsers get): smaller bundled, and faster to load. */
const yamlEsm = {
  name: 'yaml-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, async (args) => {
      if (args.pluginData === 'yaml-esm') return undefined;
      const node = await build.resolve('yaml', { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'yaml-esm' });
      if (node.errors.length) return { errors: node.errors };
      return { path: join(node.path.slice(0, node.path.lastIndexOf('/dist/')), 'browser', 'index.js') };
    });
  },
};

/**
 * Start-up savings: imports of a LAZY package get a stand-in whose functions require() the
 * package's own file on first call; commander requires child_process at load (2.5 ms) only to
 * run executable subcommands, which alloy-lint has none of, so it gets a lazy stand-in too.
 */
const startup = {
  name: 'alloy-lint-startup',
  setup(build) {
    const lazy = new RegExp(`^(${Object.keys(LAZY).join('|')})$`);
    build.onResolve({ filter: lazy }, (args) => ({ path: args.path, namespace: 'alloy-lint-lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'alloy-lint-lazy' }, (args) => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let m;',
        `const load = () => (m ??= createRequire(import.meta.url)('./${args.path}.cjs'));`,
        ...LAZY[args.path].map((n) => `export function ${n}(...a) { const f = load().${n}; return new.target ? new f(...a) : f(...a); }`),
      ].join('\n'),
      loader: 'js',
    }));
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'alloy-lint-cp' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'alloy-lint-cp' }, () => ({
      contents: "let cp; module.exports = new Proxy({}, { get: (_, key) => (cp ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/** `@alloy-lint/<dir>` → its TypeScript entry, for every workspace package but the CLI. */
function workspaceAliases() {
  const alias = {};
  for (const dir of readdirSync(packages)) {
    const pkgFile = join(packages, dir, 'package.json');
    const entry = join(packages, dir, 'src', 'index.ts');
    if (dir === 'cli' || !existsSync(pkgFile) || !existsSync(entry)) continue;
    alias[JSON.parse(readFileSync(pkgFile, 'utf8')).name] = entry;
  }
  return alias;
}

/** The licence text of every third-party package that ended up in the bundle. */
function notices(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  const parts = [];
  for (const dir of [...dirs].sort()) {
    const abs = join(repo, dir);
    const pkg = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8'));
    const file = readdirSync(abs).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? readFileSync(join(abs, file), 'utf8').trim() : `License: ${pkg.license}`;
    parts.push(`${pkg.name}@${pkg.version} (${pkg.license})\n\n${text}\n`);
  }
  const head = 'alloy-lint bundles the following packages; their licences follow.\n';
  return [head, ...parts].join(`\n${'-'.repeat(72)}\n\n`);
}

/**
 * Builds the bundle and returns esbuild's metafile (inputs of all outputs). `esbuild` is the
 * esbuild module; `nodePaths` are extra folders searched for third-party packages (the
 * pre-commit hook installs them outside the workspace).
 */
export async function bundle({ esbuild, nodePaths = [], outdir = join(cli, 'bundle') }) {
  rmSync(outdir, { recursive: true, force: true });
  const version = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')).version;
  const common = { absWorkingDir: repo, bundle: true, platform: 'node', target: 'node20', nodePaths, legalComments: 'none', metafile: true, logLevel: 'warning' };
  const main = await esbuild.build({
    ...common,
    entryPoints: { main: join(cli, 'src', 'main.ts') },
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    splitting: true,
    format: 'esm',
    alias: workspaceAliases(),
    external: EXTERNAL,
    define: { ALLOY_LINT_VERSION: JSON.stringify(version) },
    // CommonJS dependencies call require() for Node's built-in modules.
    banner: { js: "import { createRequire as __alloyLintRequire } from 'node:module';\nconst require = __alloyLintRequire(import.meta.url);" },
    plugins: [startup],
  });
  const metafile = { inputs: { ...main.metafile.inputs }, outputs: { ...main.metafile.outputs } };
  for (const name of Object.keys(LAZY)) {
    const lazy = await esbuild.build({
      ...common,
      stdin: { contents: `module.exports = require('${name}');`, resolveDir: cli, loader: 'js' },
      outfile: join(outdir, `${name}.cjs`),
      format: 'cjs',
      plugins: [yamlEsm],
    });
    Object.assign(metafile.inputs, lazy.metafile.inputs);
    Object.assign(metafile.outputs, lazy.metafile.outputs);
  }
  writeFileSync(join(outdir, 'THIRD-PARTY-NOTICES.txt'), notices(Object.keys(metafile.inputs)));
  // Interim, until @alloy-lint/schemas ships them: the schemas travel inside the bundle.
  cpSync(join(repo, 'schemas'), join(outdir, 'schemas'), { recursive: true, filter: (src) => !src.endsWith('README.md') });
  return metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const esbuild = await import('esbuild');
  const meta = await bundle({ esbuild });
  if (process.argv.includes('--sizes')) {
    for (const [file, o] of Object.entries(meta.outputs)) console.log(`${String(Math.round(o.bytes / 1024)).padStart(6)} KB  ${relative(repo, join(repo, file))}`);
  }
}
