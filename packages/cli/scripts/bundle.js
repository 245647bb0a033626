#!/usr/bin/env node
// Bundles the CLI with esbuild into packages/cli/bundle/: one ES module entry (`main.js`) and
// one chunk per command module and per shared piece (code splitting), so `--version` and `fmt`
// load only small chunks. The workspace packages are bundled from their TypeScript sources;
// third-party code is bundled too (its licences go to THIRD-PARTY-NOTICES.txt), except elkjs
// (EPL-2.0, loaded only by `graph`), which stays a dependency, like @alloy-lint/schemas, whose
// data/ the CLI finds by resolving the package (its reader code is bundled). ARCHITECTURE.md, "Build", has
// the layout and the start-up figures behind each choice here.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('..', import.meta.url));
const packages = dirname(cli);
const repo = dirname(packages);

/** Packages that stay `import`s of the bundle, resolved from node_modules at run time. */
export const EXTERNAL = ['elkjs'];

/**
 * Packages loaded on first use from a CommonJS file of their own (`bundle/<file>.cjs`), with
 * the functions and classes our sources may import from them (the build fails on any other).
 * A config without YAML or OTTL never loads yaml (~3.5 ms of CPU) or the OTTL checker with
 * chevrotain (~16 ms). The file holds its own copy of what it imports, so only plain data may
 * cross: ottl takes and returns strings and plain objects.
 */
export const LAZY = {
  yaml: { file: 'yaml', exports: ['isAlias', 'isMap', 'isScalar', 'isSeq', 'LineCounter', 'parseAllDocuments', 'parse'] },
  '@alloy-lint/ottl': { file: 'ottl', exports: ['check', 'fromAlloyString', 'evaluateStatement', 'evaluateCondition'] },
};

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
    const lazy = new RegExp(`^(${Object.keys(LAZY).map((n) => n.replace(/[/@.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter: lazy }, (args) => ({ path: args.path, namespace: 'alloy-lint-lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'alloy-lint-lazy' }, (args) => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let m;',
        `const load = () => (m ??= createRequire(import.meta.url)('./${LAZY[args.path].file}.cjs'));`,
        ...LAZY[args.path].exports.map((n) => `export function ${n}(...a) { const f = load().${n}; return new.target ? new f(...a) : f(...a); }`),
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

/**
 * Workspace packages resolved to their TypeScript sources: `@alloy-lint/<dir>[/<sub>]` → the
 * `src/` file behind each `./dist/*.js` (or `./lib/*.js`) target of its exports map (every package but the CLI).
 */
function workspaceSources() {
  const sources = new Map();
  for (const dir of readdirSync(packages)) {
    const pkgFile = join(packages, dir, 'package.json');
    if (dir === 'cli' || !existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
      const js = typeof target === 'string' ? target : target.default;
      const m = typeof js === 'string' && /^\.\/(?:dist|lib)\/(.+)\.js$/.exec(js);
      if (m) sources.set(pkg.name + sub.slice(1), join(packages, dir, 'src', `${m[1]}.ts`));
    }
  }
  return sources;
}

/** Imports of workspace packages go to their sources (see workspaceSources). */
const workspace = {
  name: 'alloy-lint-workspace',
  setup(build) {
    const sources = workspaceSources();
    build.onResolve({ filter: /^@alloy-lint\// }, (args) => {
      const path = sources.get(args.path);
      return path ? { path } : { errors: [{ text: `${args.path} is not a workspace export` }] };
    });
  },
};

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
    external: EXTERNAL,
    define: { ALLOY_LINT_VERSION: JSON.stringify(version) },
    // CommonJS dependencies call require() for Node's built-in modules.
    banner: { js: "import { createRequire as __alloyLintRequire } from 'node:module';\nconst require = __alloyLintRequire(import.meta.url);" },
    plugins: [startup, workspace],
  });
  const metafile = { inputs: { ...main.metafile.inputs }, outputs: { ...main.metafile.outputs } };
  for (const [name, { file }] of Object.entries(LAZY)) {
    const lazy = await esbuild.build({
      ...common,
      stdin: { contents: `module.exports = require('${name}');`, resolveDir: cli, loader: 'js' },
      outfile: join(outdir, `${file}.cjs`),
      format: 'cjs',
      plugins: [workspace, yamlEsm],
    });
    Object.assign(metafile.inputs, lazy.metafile.inputs);
    Object.assign(metafile.outputs, lazy.metafile.outputs);
  }
  writeFileSync(join(outdir, 'THIRD-PARTY-NOTICES.txt'), notices(Object.keys(metafile.inputs)));
  return metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const esbuild = await import('esbuild');
  const meta = await bundle({ esbuild });
  if (process.argv.includes('--sizes')) {
    for (const [file, o] of Object.entries(meta.outputs)) console.log(`${String(Math.round(o.bytes / 1024)).padStart(6)} KB  ${relative(repo, join(repo, file))}`);
  }
}
