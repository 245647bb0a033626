// Issue 12 item 5: the CLI tells the truth. Every flag of every command is run end to end
// against the same input without it; paths that match nothing, walks, colour, gates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsync as run, tempTree } from './helpers.js';

const COMMUNITY = 'otelcol.exporter.splunkhec "x" {\n  splunk {\n    token = sys.env("SPLUNK")\n  }\n  client {\n    endpoint = "http://splunk:8088"\n  }\n}\n';
const EXPERIMENTAL = 'loki.secretfilter "s" {\n  forward_to = [loki.echo.e.receiver]\n}\n\nloki.echo "e" { }\n';
const NEW_IN_1_18 = 'discovery.aws "a" { }\n';
const TWO_WARNINGS = 'loki.write "a" {\n  endpoint {\n    url = "http://loki/api"\n  }\n}\n\nloki.write "b" {\n  endpoint {\n    url = "http://loki/api"\n  }\n}\n';
const PIPE = 'loki.source.file "f" {\n  targets    = [{"__path__" = "app.log"}]\n  forward_to = [loki.process.p.receiver]\n}\n\nloki.process "p" {\n  forward_to = [loki.write.w.receiver]\n\n  stage.static_labels {\n    values = { who = sys.env("WHO") }\n  }\n}\n\nloki.write "w" {\n  endpoint {\n    url = "http://loki/push"\n  }\n}\n';
const TEST = 'config:\n  path: pipe.alloy\nassert:\n  loki:\n    - { type: count, count: 1 }\n';

const codes = (stdout: string) => JSON.parse(stdout).map((d: { code: string }) => d.code);

describe('every flag, end to end (with against without)', () => {
  const dir = tempTree({
    'community.alloy': COMMUNITY,
    'experimental.alloy': EXPERIMENTAL,
    'new.alloy': NEW_IN_1_18,
    'warn.alloy': TWO_WARNINGS,
    'pipe.alloy': PIPE,
    'app.log': 'hello\n',
    'pipe.test.yaml': TEST,
    'ugly.alloy': 'logging {\n      level = "info"\n}\n',
  });
  const at = (args: string[], env?: Record<string, string>) => run(args, { cwd: dir, env });

  it('check --feature.community-components.enabled (and --stability.level, --alloy-version, --rule)', async () => {
    expect(codes((await at(['check', 'community.alloy', '-f', 'json'])).stdout)).toContain('community');
    expect(codes((await at(['check', 'community.alloy', '-f', 'json', '--feature.community-components.enabled'])).stdout)).not.toContain('community');
    expect(codes((await at(['check', 'experimental.alloy', '-f', 'json'])).stdout)).toContain('stability');
    expect(codes((await at(['check', 'experimental.alloy', '-f', 'json', '--stability.level', 'experimental'])).stdout)).not.toContain('stability');
    expect(codes((await at(['check', 'new.alloy', '-f', 'json'])).stdout)).not.toContain('unknown-component');
    expect(codes((await at(['check', 'new.alloy', '-f', 'json', '--alloy-version', 'v1.17.1'])).stdout)).toContain('unknown-component');
    expect(codes((await at(['check', 'warn.alloy', '-f', 'json'])).stdout)).toEqual(['no-inputs', 'no-inputs']);
    expect(codes((await at(['check', 'warn.alloy', '-f', 'json', '--rule', 'no-inputs=error'])).stdout)).toEqual(['no-inputs', 'no-inputs']);
    expect(JSON.parse((await at(['check', 'warn.alloy', '-f', 'json', '--rule', 'no-inputs=error'])).stdout)[0].severity).toBe('error');
  });

  it('check --rule never swallows the path after it', async () => {
    const r = (await at(['check', '--rule', 'no-inputs=off', 'warn.alloy', '--rule', 'unused-output=off', 'ugly.alloy']));
    expect(r.stderr).toBe('');
    expect([r.code, r.stdout]).toEqual([0, '✔ 2 files checked, no problems\n']);
    expect((await at(['check', '--rule', 'no-inputs', 'warn.alloy'])).stderr).toBe('alloy-lint: --rule expects id=severity, got "no-inputs"\n');
  });

  it('check --max-warnings says why it failed', async () => {
    const over = (await at(['check', 'warn.alloy', '--max-warnings', '1']));
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('alloy-lint: 2 warnings found, more than --max-warnings 1 allows\n');
    expect((await at(['check', 'warn.alloy', '--max-warnings', '2'])).code).toBe(0);
    expect((await at(['check', 'warn.alloy', '--max-warnings', 'two'])).code).toBe(2);
  });

  it('check --format: stylish, json, sarif, github', async () => {
    const outs = (await Promise.all(['stylish', 'json', 'sarif', 'github'].map((f) => at(['check', 'warn.alloy', '--format', f])))).map((r) => r.stdout);
    expect(outs[0]).toContain('warn.alloy:1:1: warning: nothing forwards to loki.write.a');
    expect(JSON.parse(outs[1])).toHaveLength(2);
    expect(JSON.parse(outs[2]).runs[0].results).toHaveLength(2);
    expect(outs[3].split('\n')[0]).toMatch(/^::warning file=warn\.alloy,line=1,col=1,/);
  });

  it('run --feature.community-components.enabled, --stability.level, --now, --env', async () => {
    expect((await at(['run', 'community.alloy'])).stderr).toContain('is a community component');
    expect((await at(['run', 'community.alloy', '--feature.community-components.enabled'])).stderr).not.toContain('does not load');
    expect((await at(['run', 'experimental.alloy'])).stderr).toContain('does not load');
    expect((await at(['run', 'experimental.alloy', '--stability.level', 'experimental'])).stdout).toContain('✓ loki.secretfilter.s');
    const json = async (args: string[], env?: Record<string, string>) => JSON.parse((await at(['run', 'pipe.alloy', '-f', 'json', ...args], env)).stdout).sinks[0].entries[0];
    expect((await json(['--now', '2024-01-02T03:04:05Z'])).timestamp).toBe('2024-01-02T03:04:05Z');
    expect((await json([], { WHO: 'me' })).labels).toEqual({ filename: 'app.log' });
    expect((await json(['--env', 'WHO'], { WHO: 'me' })).labels).toEqual({ filename: 'app.log', who: 'me' });
    expect((await at(['run', 'pipe.alloy', '--trace'])).stdout).toContain('Trace: 1 entry');
    expect((await at(['run', 'pipe.alloy', '--alloy-version', 'v0.0.1'])).code).toBe(2);
  });

  it('test --junit, -v, --now, --alloy-version', async () => {
    const plain = (await at(['test', 'pipe.test.yaml']));
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('received (1)');
    expect((await at(['test', 'pipe.test.yaml', '-v'])).stdout).toContain('received (1)');
    expect((await at(['test', 'pipe.test.yaml', '-v', '--now', '2024-01-02T03:04:05Z'])).stdout).toContain('2024-01-02T03:04:05');
    expect((await at(['test', 'pipe.test.yaml', '--alloy-version', 'v0.0.1'])).code).toBe(2);
    (await at(['test', 'pipe.test.yaml', '--junit', 'j.xml']));
    expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toContain('tests="1" failures="0"');
  });

  it('fmt -w, -t, --check; graph -f, -o; describe -f, --alloy-version', async () => {
    expect((await at(['fmt', '-t', 'ugly.alloy']))).toMatchObject({ code: 1, stdout: 'ugly.alloy\n' });
    expect((await at(['fmt', '--check', 'ugly.alloy'])).code).toBe(1);
    expect((await at(['fmt', '-w', 'ugly.alloy'])).code).toBe(0);
    expect(readFileSync(join(dir, 'ugly.alloy'), 'utf8')).toBe('logging {\n\tlevel = "info"\n}\n');
    expect((await at(['graph', 'pipe.alloy', '-f', 'dot'])).stdout).toMatch(/^digraph/);
    (await at(['graph', 'pipe.alloy', '-o', 'g.mmd']));
    expect(readFileSync(join(dir, 'g.mmd'), 'utf8')).toMatch(/^(flowchart|graph)/);
    expect((await at(['graph', 'new.alloy'])).code).toBe(0);
    expect((await at(['graph', 'new.alloy', '--alloy-version', 'v0.0.1'])).code).toBe(2);
    expect(JSON.parse((await at(['describe', 'discovery.aws', '-f', 'json'])).stdout)).toBeTruthy();
    expect((await at(['describe', 'discovery.aws', '--alloy-version', 'v1.17.1'])).code).toBe(2);
  });
});

describe('paths', () => {
  const GOOD = 'logging {\n  level = "info"\n}\n';
  const BAD = 'a = \n';

  it('a directory or glob without .alloy files exits 2 with a message', async () => {
    const dir = tempTree({ 'empty/.keep': '', 'text/notes.txt': 'x', 'ignored/x.alloy': GOOD, '.gitignore': 'ignored/x.alloy\n' });
    expect((await run(['check', 'empty'], { cwd: dir }))).toMatchObject({ code: 2, stderr: 'alloy-lint: empty: no .alloy files in this directory (or all of them are ignored by .gitignore)\n' });
    expect((await run(['check', 'text'], { cwd: dir })).code).toBe(2);
    expect((await run(['check', 'ignored'], { cwd: dir })).code).toBe(2);
    expect((await run(['check', 'text/*.alloy'], { cwd: dir }))).toMatchObject({ code: 2, stderr: 'alloy-lint: no files match text/*.alloy\n' });
    expect((await run(['fmt', 'empty'], { cwd: dir })).code).toBe(2);
  });

  it('dot-folders are walked unless git-ignored; nested .gitignore files apply as git applies them', async () => {
    const dir = tempTree({
      '.git/HEAD': '',
      '.rendered/a.alloy': BAD,
      '.hidden/b.alloy': BAD,
      '.gitignore': '.hidden/\n*.gen.alloy\n',
      'sub/.gitignore': 'local.alloy\n!keep.gen.alloy\nskip/\n',
      'sub/local.alloy': BAD,
      'sub/keep.gen.alloy': GOOD,
      'sub/drop.gen.alloy': BAD,
      'sub/skip/c.alloy': BAD,
      'sub/deeper/local.alloy': BAD,
      'other/local.alloy': GOOD,
      'node_modules/m/x.alloy': BAD,
    });
    const r = (await run(['check', '.', '--format', 'json'], { cwd: dir }));
    expect(JSON.parse(r.stdout).map((d: { file: string }) => d.file)).toEqual(['.rendered/a.alloy']);
    expect((await run(['check', '.'], { cwd: dir })).stdout).toContain('(3 checked)');
    // From inside the tree, the parent folders' ignore files still apply.
    expect((await run(['check', '.', '--format', 'json'], { cwd: join(dir, 'sub') })).stdout.trim()).toBe('[]');
  });
});

describe('colour as Node decides it', () => {
  const dir = tempTree({ 'bad.alloy': 'a = \n' });
  const coloured = async (args: string[], env: Record<string, string>) => (await run(['check', 'bad.alloy', ...args], { cwd: dir, env })).stdout.includes('\u001b[');

  it('FORCE_COLOR, NO_COLOR, NODE_DISABLE_COLORS, TERM=dumb, --color, --no-color', async () => {
    expect(await coloured([], { FORCE_COLOR: '1' })).toBe(true);
    expect(await coloured([], { FORCE_COLOR: '' })).toBe(true);
    expect(await coloured([], { FORCE_COLOR: '0' })).toBe(false);
    expect(await coloured([], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(await coloured([], { NO_COLOR: '' })).toBe(false);
    expect(await coloured(['--color'], { NODE_DISABLE_COLORS: '1' })).toBe(true);
    expect(await coloured(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
    expect(await coloured(['--color'], { TERM: 'dumb' })).toBe(true);
  });
});

describe('excerpts', () => {
  it('cut very long lines around the caret', async () => {
    const line = `a = ${'1 + '.repeat(1500)}"x" +`;
    const dir = tempTree({ 'long.alloy': `${line}\nb = [1,\n2]\n` });
    const r = (await run(['check', 'long.alloy'], { cwd: dir }));
    const shown = r.stdout.split('\n').filter((l) => l.startsWith('1 |') || l.startsWith('  |'));
    expect(Math.max(...shown.map((l) => l.length))).toBeLessThan(180);
    expect(shown[0]).toMatch(/^1 \| a = 1 \+ 1 .*…$/);
  });

  it('a reference to a component of a sibling file hints at --dir-as-config in every format', async () => {
    const dir = tempTree({
      'conf/a.alloy': 'prometheus.scrape "s" {\n  targets    = prometheus.exporter.unix.node.targets\n  forward_to = []\n}\n',
      'conf/b.alloy': 'prometheus.exporter.unix "node" { }\n',
    });
    for (const f of ['stylish', 'json', 'sarif', 'github']) {
      const r = (await run(['check', 'conf/a.alloy', '--format', f], { cwd: dir }));
      expect(r.stdout, f).toContain('prometheus.exporter.unix.node is defined in b.alloy; Alloy loads a folder as one configuration: check it with --dir-as-config');
    }
    const folder = (await run(['check', '--dir-as-config', 'conf/a.alloy', '--format', 'json'], { cwd: dir }));
    expect(codes(folder.stdout)).toEqual(['empty-forward-to']);
  });
});

describe('alloy-lint test never passes silently', () => {
  it('rejects unknown keys (asserts: for assert:) and fails a test with no assertion', async () => {
    const dir = tempTree({
      'typo.test.yaml': 'config: |\n  loki.echo "e" { }\nasserts:\n  loki:\n    - { type: count, count: 0 }\n',
      'none.test.yaml': 'config: |\n  loki.echo "e" { }\n',
    });
    const typo = await run(['test', 'typo.test.yaml'], { cwd: dir });
    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain('ERROR typo.test.yaml\n  test: unknown key "asserts" (expected one of config, config_file, samples, stability, inputs, assert)\n');
    const none = await run(['test', 'none.test.yaml'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('FAIL none (none.test.yaml, 0/0 assertions passed)\n  error: the test has no assertion (add assert.loki, traces, metrics, samples or correlate)\n');
  });
});

describe('alloy-lint run never claims what did not happen', () => {
  it('a loki.write that failed is not "no sink"; a run that simulated nothing exits 1, in text and json', async () => {
    const dir = tempTree({
      'failed.alloy': 'loki.source.file "f" {\n  targets    = [{"__path__" = "app.log"}]\n  forward_to = [loki.write.w.receiver]\n}\n\nloki.write "w" {\n  endpoint {\n    url = encoding.from_json("{")\n  }\n}\n',
      // Components without a simulator (the OTLP seed was such a run before otelcol.* got one).
      'none.alloy': 'pyroscope.write "p" {\n  endpoint {\n    url = "http://pyroscope:4040"\n  }\n}\n',
      'app.log': 'hello\n',
    });
    const failed = await run(['run', 'failed.alloy'], { cwd: dir });
    expect(failed.code).toBe(1);
    expect(failed.stdout).not.toContain('No sink in this configuration');
    expect(failed.stdout).toContain('No sink ran: loki.source.file.f, loki.write.w did not run (see above).\n');
    // Every component "not simulated" is not a successful run.
    const otlp = await run(['run', 'none.alloy'], { cwd: dir });
    expect(otlp.stdout).toContain('not simulated');
    expect(otlp.stderr).toBe('alloy-lint: no component of this configuration could be simulated\n');
    expect(otlp.code).toBe(1);
    expect((await run(['run', 'none.alloy', '--format', 'json'], { cwd: dir })).code).toBe(1);
  });
});
