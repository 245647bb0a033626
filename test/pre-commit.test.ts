// Runs Debian's real `pre-commit` against this repository's hooks (`pre-commit try-repo`)
// in a throwaway git repository.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
// CI installs pre-commit (.ci/run); elsewhere the test is skipped with a notice rather than failing.
const run = hasPreCommit || process.env.CI ? describe : describe.skip;
if (!hasPreCommit && !process.env.CI) console.warn('pre-commit is not installed: skipping the pre-commit hook tests');

const home = mkdtempSync(join(tmpdir(), 'pre-commit-home-'));

/** Runs a command without blocking the test worker (pre-commit installs the hooks on first use). */
function sh(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('close', (code) => done({ code, out }));
    child.on('error', (e) => done({ code: -1, out: String(e) }));
  });
}

function git(args: string[], cwd: string): void {
  spawnSync('git', args, { cwd });
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hook-project-'));
  git(['init', '-q'], dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  git(['add', '.'], dir);
  return dir;
}

const GOOD = 'logging {\n\tlevel  = "info"\n\tformat = "logfmt"\n}\n';
const UGLY = 'logging {\n  level = "info"\n      format = "logfmt"\n}\n';
const INVALID = 'logging {\n  levle = "info"\n}\n';

const hookDir = join(repo, 'scripts/pre-commit');
const hookLock = JSON.parse(readFileSync(join(hookDir, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dependencies?: Record<string, string>; optional?: boolean; os?: string[]; cpu?: string[] }>;
};

/** Packages `npm ci` installs from the hook's lockfile on this machine (platform binaries of other systems are skipped). */
const hookPackages = Object.entries(hookLock.packages).filter(
  ([k, v]) => k.startsWith('node_modules/') && !(v.optional && ((v.os && !v.os.includes(process.platform)) || (v.cpu && !v.cpu.includes(process.arch)))),
);

describe('the pre-commit hooks install', () => {
  it('exactly the third-party packages the CLI bundle is built from, at the workspace versions, plus esbuild', async () => {
    const esbuild = await import('esbuild');
    const { hookDependencies } = await import('../scripts/pre-commit/sync.js');
    const { dependencies, used } = (await hookDependencies(esbuild)) as { dependencies: Record<string, string>; used: Map<string, string> };
    const hook = JSON.parse(readFileSync(join(hookDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(hook.dependencies, 'run node scripts/pre-commit/sync.js').toEqual(dependencies);
    for (const [name, version] of used) expect(hookLock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    expect(hookLock.packages['']).toMatchObject({ dependencies: hook.dependencies });
    // Tens, where installing the workspace takes 255.
    expect(hookPackages.length).toBeLessThanOrEqual(40);
  }, 120_000);
});

run('pre-commit hooks', () => {
  it('the first run installs only scripts/pre-commit\'s packages and bundles the CLI', async () => {
    const dir = project({ 'a.alloy': GOOD });
    const first = await sh('pre-commit', ['try-repo', repo, 'alloy-lint', '--files', 'a.alloy', '--verbose'], dir);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(new RegExp(`added ${hookPackages.length} packages`));
    expect(first.out).toContain('✔ 1 file checked, no problems');
  }, 600_000);

  it('alloy-fmt rewrites a badly formatted file and fails, then passes', async () => {
    const dir = project({ 'a.alloy': UGLY });
    const first = await sh('pre-commit', ['try-repo', repo, 'alloy-fmt', '--files', 'a.alloy'], dir);
    expect(first.code, first.out).toBe(1);
    expect(readFileSync(join(dir, 'a.alloy'), 'utf8')).toBe(GOOD);
    const second = await sh('pre-commit', ['try-repo', repo, 'alloy-fmt', '--files', 'a.alloy'], dir);
    expect(second.code, second.out).toBe(0);
  }, 600_000);

  it('alloy-lint fails on an invalid file and passes on a good one', async () => {
    const dir = project({ 'bad.alloy': INVALID, 'good.alloy': GOOD });
    const bad = await sh('pre-commit', ['try-repo', repo, 'alloy-lint', '--files', 'bad.alloy'], dir);
    expect(bad.code, bad.out).toBe(1);
    expect(bad.out).toContain('unrecognized attribute name "levle"');
    const good = await sh('pre-commit', ['try-repo', repo, 'alloy-lint', '--files', 'good.alloy'], dir);
    expect(good.code, good.out).toBe(0);
  }, 600_000);

  it('a local node hook with the published CLI (packed here) installs three packages and checks', async () => {
    const tarballs = mkdtempSync(join(tmpdir(), 'alloy-lint-tgz-'));
    // As test/pack-install.test.ts: the bundle already built, not rebuilt under other tests.
    const pack = await sh('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', tarballs, '-w', '@alloy-lint/cli', '-w', '@alloy-lint/schemas'], repo);
    expect(pack.code, pack.out).toBe(0);
    const deps = pack.out.trim().split('\n').map((f) => join(tarballs, f.trim()));
    const dir = project({ 'bad.alloy': INVALID, 'good.alloy': GOOD });
    const hook = { id: 'alloy-lint', name: 'alloy-lint', entry: 'alloy-lint check', language: 'node', files: '\\.(alloy|river)$', additional_dependencies: deps };
    writeFileSync(join(dir, '.pre-commit-config.yaml'), JSON.stringify({ repos: [{ repo: 'local', hooks: [hook] }] }));
    git(['add', '.'], dir);
    const r = await sh('pre-commit', ['run', '--files', 'bad.alloy', 'good.alloy'], dir);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain('✖ 1 error in 1 file (2 checked)');
    const installed = spawnSync('find', [home, '-path', '*/lib/node_modules/*/package.json', '-not', '-path', '*/node_modules/npm/*'], { encoding: 'utf8' });
    const names = installed.stdout.trim().split('\n').map((p) => p.replace(/.*lib\/node_modules\//, '').replace(/\/package\.json$/, ''));
    expect(names.filter((n) => n !== 'pre_commit_placeholder_package').sort()).toEqual(['@alloy-lint/cli', '@alloy-lint/cli/node_modules/elkjs', '@alloy-lint/schemas']);
  }, 600_000);

  it('the YAML hooks format and check the Alloy inside values files and skip other YAML', async () => {
    const values = 'alloy:\n  configMap:\n    content: |\n      logging {\n          level = "info"\n      }\nreplicas: 1\n';
    const dir = project({ 'values.yaml': values, 'other.yaml': 'a: 1\n', 'broken.yaml': values.replace('level', 'levle') });
    const fmt = await sh('pre-commit', ['try-repo', repo, 'alloy-fmt-yaml', '--files', 'values.yaml', 'other.yaml'], dir);
    expect(fmt.code, fmt.out).toBe(1);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(values.replace('          level', '      \tlevel'));
    const lint = await sh('pre-commit', ['try-repo', repo, 'alloy-lint-yaml', '--files', 'values.yaml', 'other.yaml', 'broken.yaml'], dir);
    expect(lint.code, lint.out).toBe(1);
    expect(lint.out).toContain('broken.yaml:5:11: unrecognized attribute name "levle"');
    const good = await sh('pre-commit', ['try-repo', repo, 'alloy-lint-yaml', '--files', 'values.yaml', 'other.yaml'], dir);
    expect(good.code, good.out).toBe(0);
  }, 600_000);

  it('alloy-lint-dir checks the folder of a changed file as one configuration', async () => {
    const dir = project({
      'a.alloy': 'prometheus.scrape "s" {\n\ttargets    = prometheus.exporter.unix.node.targets\n\tforward_to = [prometheus.remote_write.out.receiver]\n}\n',
      'b.alloy': 'prometheus.exporter.unix "node" { }\n\nprometheus.remote_write "out" {\n\tendpoint {\n\t\turl = "http://mimir/api/v1/push"\n\t}\n}\n',
    });
    const alone = await sh('pre-commit', ['try-repo', repo, 'alloy-lint', '--files', 'a.alloy'], dir);
    expect(alone.code, alone.out).toBe(1);
    expect(alone.out).toContain('check it with --dir-as-config');
    const folder = await sh('pre-commit', ['try-repo', repo, 'alloy-lint-dir', '--files', 'a.alloy'], dir);
    expect(folder.code, folder.out).toBe(0);
    expect(folder.out).toMatch(/alloy-lint \(folders as configurations\)\.+Passed/);
  }, 600_000);
});
