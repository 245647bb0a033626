// The bundle's layout decides start-up time: what each command loads is read from esbuild's
// metafile (a fresh build), following static imports only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../scripts/bundle.js';
import { COMMANDS } from '../src/commands.js';
import { BIN, run, tempTree } from './helpers.js';

interface Output {
  bytes: number;
  entryPoint?: string;
  inputs: Record<string, { bytesInOutput: number }>;
  imports: { path: string; kind: string; external?: boolean }[];
}

const out = mkdtempSync(join(tmpdir(), 'alloy-lint-bundle-'));
let outputs: Record<string, Output> = {};

beforeAll(async () => {
  outputs = (await bundle({ esbuild, outdir: out })).outputs as Record<string, Output>;
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Outputs loaded with `file`, through static imports; externals as `external:<name>`. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of outputs[file]?.imports ?? []) {
    if (i.kind !== 'import-statement') continue;
    if (i.external && !i.path.startsWith('node:') && !builtinModules.includes(i.path)) seen.add(`external:${/^(@[^/]+\/)?[^/]+/.exec(i.path)![0]}`);
    else if (i.external) continue;
    else closure(i.path, seen);
  }
  return seen;
}

/** Packages (`parser`, `yaml`, `external:elkjs`) whose code a set of outputs holds. */
function packagesIn(files: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    if (f.startsWith('external:')) names.add(f);
    for (const input of Object.keys(outputs[f]?.inputs ?? {})) {
      const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input) ?? /^packages\/([^/]+)\//.exec(input);
      if (m) names.add(m[1]);
    }
  }
  return names;
}

/** Externals a set of outputs loads with `import()` on first use (elkjs, on the first layout). */
const lazyExternals = (files: Set<string>) =>
  new Set([...files].flatMap((f) => (outputs[f]?.imports ?? []).filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => /^(@[^/]+\/)?[^/]+/.exec(i.path)![0])));

const entry = (source: string) => {
  const hit = Object.entries(outputs).find(([, o]) => o.entryPoint === source);
  if (!hit) throw new Error(`no output for ${source}`);
  return hit[0];
};
const commandPackages = (name: string) => packagesIn(closure(entry(`packages/cli/src/commands/${name}.ts`)));

describe('the CLI bundle', () => {
  it('starts from a main chunk that holds only the CLI\'s own small code', () => {
    const files = closure(entry('packages/cli/src/main.ts'));
    expect([...packagesIn(files)]).toEqual(['cli']);
    const bytes = [...files].reduce((n, f) => n + outputs[f].bytes, 0);
    expect(bytes).toBeLessThan(16_000);
  });

  it('gives every command of the table its own chunk', () => {
    for (const c of COMMANDS) expect(entry(`packages/cli/src/commands/${c.name}.ts`), c.name).toMatch(/\.js$/);
  });

  it('fmt loads the parser and the formatter (and the Go helpers they use), nothing else', () => {
    expect([...commandPackages('fmt')].sort()).toEqual(['cli', 'formatter', 'gostd', 'parser']);
  });

  it('check loads neither yaml, the OTTL checker, the graph (elkjs), the runtime nor the glob libraries', () => {
    const p = commandPackages('check');
    expect(p.has('analyzer')).toBe(true);
    for (const absent of ['yaml', 'ottl', 'chevrotain', 'lodash-es', 'external:elkjs', 'elkjs', 'graph', 'runtime', 'ajv', '@jmespath-community/jmespath', 'tinyglobby', 'picomatch', 'ignore', 'commander']) {
      expect(p.has(absent), absent).toBe(false);
    }
  });

  it('only graph imports elkjs, on its first layout; yaml and the OTTL checker live only in their lazily required files', () => {
    for (const c of COMMANDS) {
      const files = closure(entry(`packages/cli/src/commands/${c.name}.ts`));
      expect(packagesIn(files).has('external:elkjs'), c.name).toBe(false);
      expect(lazyExternals(files).has('elkjs'), c.name).toBe(c.name === 'graph');
    }
    const holding = (pkg: string) => Object.keys(outputs).filter((f) => packagesIn(new Set([f])).has(pkg)).map((f) => f.replace(/.*\//, ''));
    // ottl.cjs carries its own copy of what it imports (gostd; not values, hence no yaml).
    expect(holding('yaml').sort()).toEqual(['yaml.cjs']);
    expect(holding('chevrotain')).toEqual(['ottl.cjs']);
    expect(holding('ottl')).toEqual(['ottl.cjs']);
  });
});

describe('the bundled CLI', () => {
  it('decodes YAML on first use (encoding.from_yaml while running a config)', () => {
    const dir = tempTree({ 'a.alloy': 'discovery.relabel "x" {\n  targets = encoding.from_yaml("- __address__: a\\n  env: prod")\n  rule {\n    source_labels = ["env"]\n    target_label  = "environment"\n  }\n}\n' });
    const r = run(['run', 'a.alloy', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).targets[0].targets).toEqual([{ __address__: 'a', env: 'prod', environment: 'prod' }]);
  });

  it('checks OTTL on first use (a misspelled converter in a transform statement)', () => {
    const statement = 'set(attributes[\\"x\\"], Concatt([\\"a\\"], \\"-\\"))';
    const dir = tempTree({ 'a.alloy': `otelcol.processor.transform "t" {\n  trace_statements {\n    context    = "span"\n    statements = ["${statement}"]\n  }\n  output {}\n}\n` });
    const r = run(['check', 'a.alloy', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).map((d: { code: string; message: string }) => `${d.code}: ${d.message}`)).toContain('ottl-unknown-function: unknown OTTL converter Concatt; did you mean Concat?');
  });

  it('lists every command of the table in its help, and takes the alias of fmt', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${c.name}\\b`, 'm'));
    expect(run(['format'], { input: 'a   = 1\n' }).stdout).toBe('a = 1\n');
  });

  it('suggests the command meant by a typo and exits 2', () => {
    const r = run(['chek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(Did you mean check?)");
  });

  it('stops quietly when its output pipe closes', () => {
    const dir = tempTree({ 'a.alloy': 'a = 1\n'.repeat(200_000) });
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" fmt a.alloy | head -c 10 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('exit 0\n');
  });
});
