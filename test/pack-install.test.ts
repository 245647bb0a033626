// Installs alloy-lint as a user would: `npm pack` of every publishable package, the tarballs
// installed into an empty folder outside this checkout (third-party packages from npm's cache
// or the registry, never from the workspace), then the installed `alloy-lint` runs on copies of
// the examples and must print exactly what the checkout's CLI prints.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = realpathSync(fileURLToPath(new URL('..', import.meta.url)));
const work = realpathSync(mkdtempSync(join(tmpdir(), 'alloy-lint-install-')));
const project = join(work, 'project');
const workspaceBin = join(repo, 'packages/cli/bin/alloy-lint.cjs');
const installedBin = join(project, 'node_modules/@alloy-lint/cli/bin/alloy-lint.cjs');

/** The environment of a user's shell: nothing that points npm or Node back at this checkout. */
const cleanEnv: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter(([k, v]) => v !== undefined && !/^(npm_|NODE_PATH$|INIT_CWD$|VITEST)/i.test(k)),
) as Record<string, string>;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the test worker. */
function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = cleanEnv): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.on('error', (e) => done({ code: -1, stdout, stderr: String(e) }));
  });
}

interface Packed {
  name: string;
  filename: string;
  files: { path: string }[];
}

const publishable = readdirSync(join(repo, 'packages'))
  .map((d) => join(repo, 'packages', d, 'package.json'))
  .filter((p) => existsSync(p))
  .map((p) => JSON.parse(readFileSync(p, 'utf8')) as { name: string; private?: boolean; version: string; exports?: Record<string, unknown> })
  .filter((p) => !p.private);

let packed: Packed[] = [];

beforeAll(async () => {
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  // --ignore-scripts: the bundle `npm test` built is packed as it is; the CLI's prepack would
  // rebuild it under the CLI tests running beside this one.
  const pack = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballs, ...publishable.flatMap((p) => ['-w', p.name])], repo, { ...cleanEnv });
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Packed[];
  mkdirSync(project);
  // Every @alloy-lint/* dependency, direct or not, is one of the tarballs.
  const local = Object.fromEntries(packed.map((p) => [p.name, `file:${join(tarballs, p.filename)}`]));
  const prettier = JSON.parse(readFileSync(join(repo, 'node_modules/prettier/package.json'), 'utf8')).version as string;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, dependencies: { ...local, prettier }, overrides: local }, null, 2));
  const install = await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  cpSync(join(repo, 'examples'), join(project, 'examples'), { recursive: true });
  cpSync(join(repo, 'test/fixtures/runtime'), join(project, 'test/fixtures/runtime'), { recursive: true });
  writeFileSync(join(project, 'ugly.alloy'), 'logging {\n  level = "info"\n      format = "logfmt"\n}\n');
  writeFileSync(join(project, 'tidy.alloy'), 'logging {\n\tlevel  = "info"\n\tformat = "logfmt"\n}\n');
  writeFileSync(join(project, 'broken.alloy'), 'logging {\n  levle = "info"\n}\n');
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('packs every publishable package with its licence, README and built code, without sources, tests or maps', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(publishable.map((p) => p.name).sort());
    for (const p of packed) {
      const files = p.files.map((f) => f.path);
      expect(files, p.name).toContain('LICENSE');
      expect(files, p.name).toContain('README.md');
      expect(files.filter((f) => /^(src|test)\/|\.map$|\.tsbuildinfo$/.test(f)), p.name).toEqual([]);
    }
  });

  it('ships every file its exports map and bin point at', () => {
    for (const p of packed) {
      const pkg = JSON.parse(readFileSync(join(project, 'node_modules', p.name, 'package.json'), 'utf8'));
      const targets: string[] = [];
      const collect = (v: unknown): void => {
        if (typeof v === 'string') targets.push(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(collect);
      };
      collect(pkg.exports);
      collect(pkg.bin);
      for (const t of targets.filter((x) => !x.includes('*'))) expect(existsSync(join(project, 'node_modules', p.name, t)), `${p.name}: ${t}`).toBe(true);
    }
  });
});

describe('installed from the tarballs', () => {
  it('resolved every @alloy-lint package from a tarball, copied into the project', () => {
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string; link?: boolean }> };
    const ours = Object.entries(lock.packages).filter(([k]) => /node_modules\/(@alloy-lint\/|prettier-plugin-alloy$)/.test(k));
    expect(ours.length).toBeGreaterThanOrEqual(publishable.length);
    for (const [k, v] of ours) {
      expect(v.link, k).toBeUndefined();
      expect(v.resolved, k).toMatch(/^file:.*\.tgz$/);
      expect(realpathSync(join(project, k)).startsWith(project), k).toBe(true);
    }
  });

  it('carries no path of this checkout', async () => {
    const hits = await sh('grep', ['-rlF', repo, join(project, 'node_modules/@alloy-lint'), join(project, 'node_modules/prettier-plugin-alloy')], work);
    expect(hits.stdout).toBe('');
  });

  // Each command runs twice, in the same folder: the installed CLI and this checkout's.
  const cases: { args: string[]; code: number; expect?: (r: Result) => void }[] = [
    { args: ['--version'], code: 0, expect: (r) => expect(r.stdout).toBe(`${publishable.find((p) => p.name === '@alloy-lint/cli')!.version}\n`) },
    { args: ['check', 'examples/k8s-logs.alloy', 'examples/otlp-traces.alloy'], code: 0, expect: (r) => expect(r.stdout).toContain('2 files checked') },
    { args: ['check', '--format', 'json', 'broken.alloy'], code: 1, expect: (r) => expect(r.stdout).toContain('unrecognized attribute name \\"levle\\"') },
    { args: ['check', '--format', 'sarif', 'broken.alloy'], code: 1, expect: (r) => expect(JSON.parse(r.stdout).version).toBe('2.1.0') },
    { args: ['fmt', 'ugly.alloy'], code: 0, expect: (r) => expect(r.stdout).toBe('logging {\n\tlevel  = "info"\n\tformat = "logfmt"\n}\n') },
    { args: ['fmt', '--check', 'tidy.alloy', 'ugly.alloy'], code: 1, expect: (r) => expect(r.stdout).toBe('ugly.alloy\n') },
    { args: ['describe', 'loki.write'], code: 0, expect: (r) => expect(r.stdout).toContain('loki.write') },
    { args: ['schemas', 'list'], code: 0, expect: (r) => expect(r.stdout).toContain('v1.18.1\n') },
    { args: ['graph', 'examples/k8s-logs.alloy', '--format', 'dot'], code: 0, expect: (r) => expect(r.stdout).toMatch(/^digraph/) },
    { args: ['graph', 'examples/k8s-logs.alloy'], code: 0, expect: (r) => expect(r.stdout).toMatch(/^<svg[^>]*>/) },
    {
      args: ['run', 'examples/k8s-logs.alloy', '--inputs', 'examples/k8s-logs.samples.yaml', '--now', '2025-05-21T00:00:00Z'],
      code: 0,
      expect: (r) => expect(r.stdout).toContain('loki.write.loki'),
    },
    { args: ['test', 'test/fixtures/runtime'], code: 0, expect: (r) => expect(r.stdout).toContain('all passed') },
    { args: ['chekc'], code: 2, expect: (r) => expect(r.stderr).toContain('check') },
  ];
  for (const c of cases) {
    it(`alloy-lint ${c.args.join(' ')}`, async () => {
      const env = { ...cleanEnv, NO_COLOR: '1' };
      const installed = await sh(process.execPath, [installedBin, ...c.args], project, env);
      expect(installed.code, installed.stderr).toBe(c.code);
      c.expect?.(installed);
      const ours = await sh(process.execPath, [workspaceBin, ...c.args], project, env);
      expect(installed.stdout).toBe(ours.stdout);
      expect(installed.stderr).toBe(ours.stderr);
    }, 60_000);
  }

  it('the library packages load from the install and work together', async () => {
    const script = [
      "import { parse } from '@alloy-lint/parser';",
      "import { format } from '@alloy-lint/formatter';",
      "import { evaluateText } from '@alloy-lint/values';",
      "import * as analyzer from '@alloy-lint/analyzer';",
      "import * as graph from '@alloy-lint/graph';",
      "import * as runtime from '@alloy-lint/runtime';",
      "const r = parse('a = 1 + 2\\n');",
      "console.log(r.diagnostics.length, format('a   =  1\\n').text.trim(), typeof analyzer.analyze, typeof graph.render, typeof runtime.runConfig, typeof evaluateText);",
    ].join('\n');
    writeFileSync(join(project, 'use.mjs'), script);
    const r = await sh(process.execPath, ['use.mjs'], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0 a = 1 function function function function\n');
  });

  it('the prettier plugin formats with the installed prettier', async () => {
    const r = await sh(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--plugin', 'prettier-plugin-alloy', 'ugly.alloy'], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('logging {\n\tlevel  = "info"\n\tformat = "logfmt"\n}\n');
  });
});
