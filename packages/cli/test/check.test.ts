import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const GOOD = 'logging {\n  level = "info"\n}\n';
const BAD = 'a = [1,\n2\n]\n';

describe('alloy-lint check', () => {
  it('exits 0 on valid files', () => {
    const dir = tempTree({ 'a.alloy': GOOD });
    const r = run(['check', 'a.alloy'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 file checked, no problems');
  });

  it("prints Alloy's diagnostic with the source line and a caret, exits 1", () => {
    const dir = tempTree({ 'bad.alloy': BAD });
    const r = run(['check', 'bad.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "bad.alloy:2:2: missing ',' in expression list",
        '',
        '1 | a = [1,',
        '2 | 2',
        '  |  ^',
        '3 | ]',
        '',
        '✖ 1 error in 1 file (1 checked)',
        '',
      ].join('\n'),
    );
  });

  it('a 100k-term + chain is typed without a stack overflow (valid Alloy)', () => {
    const dir = tempTree({ 'a.alloy': 'local.file "x" {\n  filename = "a"' + ' + "b"'.repeat(100_000) + '\n}\n' });
    const r = run(['check', 'a.alloy'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bad = tempTree({ 'a.alloy': 'local.file "x" {\n  filename = "a"' + ' + "b"'.repeat(100_000) + ' + 1\n}\n' });
    const r2 = run(['check', 'a.alloy'], { cwd: bad });
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('1 should be string, got number');
  });

  it('emits JSON with Alloy line and byte column', () => {
    const dir = tempTree({ 'bad.alloy': 'é = "x" b = 1\n' });
    const r = run(['check', '--format', 'json', 'bad.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'bad.alloy',
        line: 1,
        column: 10,
        endLine: 1,
        endColumn: 10,
        severity: 'error',
        code: 'syntax',
        message: 'expected TERMINATOR, got IDENT',
      },
    ]);
  });

  it('reads stdin for -', () => {
    const r = run(['check', '-', '--format', 'json'], { input: BAD });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].file).toBe('<stdin>');
  });

  it('walks directories for *.alloy, honouring .gitignore', () => {
    const dir = tempTree({
      '.gitignore': 'ignored/\n*.skip.alloy\n',
      'ok.alloy': GOOD,
      'sub/deep.alloy': GOOD,
      'sub/bad.skip.alloy': BAD,
      'ignored/bad.alloy': BAD,
      'notes.txt': BAD,
    });
    const r = run(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = run(['check', '.'], { cwd: dir });
    expect(s.stdout).toContain('2 files checked');
  });

  it('expands globs', () => {
    const dir = tempTree({ 'x/a.alloy': GOOD, 'x/b.alloy': BAD });
    const r = run(['check', 'x/*.alloy', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((d: { file: string }) => d.file)).toEqual(['x/b.alloy']);
  });

  it('exits 2 on usage and I/O errors', () => {
    expect(run(['check', 'missing.alloy']).code).toBe(2);
    expect(run(['check', '--format', 'xml', '-']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('colours only when asked', () => {
    const dir = tempTree({ 'bad.alloy': BAD });
    expect(run(['check', 'bad.alloy'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(run(['check', 'bad.alloy'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
  });

  it('prints --help and --version', () => {
    expect(run(['--help']).stdout).toContain('check');
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('survives random bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    const r = run(['check', '-'], { input: bytes });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('folders', () => {
  const A = 'prometheus.scrape "s" {\n  targets    = prometheus.exporter.unix.node.targets\n  forward_to = [prometheus.remote_write.out.receiver]\n}\n';
  const B = 'prometheus.exporter.unix "node" { }\n\nprometheus.remote_write "out" {\n  endpoint {\n    url = "http://mimir/api/v1/push"\n  }\n}\n';

  it('hints at --dir-as-config when a reference is defined in a sibling file', () => {
    const dir = tempTree({ 'conf/a.alloy': A, 'conf/b.alloy': B });
    const r = run(['check', 'conf/a.alloy', '--format', 'json'], { cwd: dir });
    const d = JSON.parse(r.stdout).find((x: { code: string }) => x.code === 'unknown-reference');
    expect(d.hint).toBe('prometheus.exporter.unix.node is defined in b.alloy; Alloy loads a folder as one configuration: check it with --dir-as-config');
  });

  it('--dir-as-config checks a folder as one configuration', () => {
    const dir = tempTree({ 'conf/a.alloy': A, 'conf/b.alloy': B });
    const r = run(['check', '--dir-as-config', 'conf'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 files checked, no problems');
  });
});

describe('references are checked against exports and types', () => {
  const seed = readFileSync(new URL('../../../examples/k8s-logs.alloy', import.meta.url), 'utf8');

  it('the seed with loki.write.loki.reciever exits 1 with an error at that name and "did you mean receiver"', () => {
    const text = seed.replace('loki.write.loki.receiver', 'loki.write.loki.reciever');
    expect(text).not.toBe(seed);
    const dir = tempTree({ 'k8s-logs.alloy': text });
    const r = run(['check', 'k8s-logs.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('reciever')) + 1;
    const column = text.split('\n')[line - 1].indexOf('reciever') + 1;
    expect(r.stdout).toContain(`k8s-logs.alloy:${line}:${column}: field "reciever" does not exist`);
    expect(r.stdout).toContain('hint: did you mean "receiver"?');
    const json = JSON.parse(run(['check', '--format', 'json', 'k8s-logs.alloy'], { cwd: dir }).stdout);
    expect(json).toEqual([expect.objectContaining({ line, column, endColumn: column + 8, code: 'unknown-field', severity: 'error' })]);
  });

  it('targets where log receivers belong exit 1', () => {
    const text = seed.replace('forward_to = [loki.process.pod_logs.receiver]', 'forward_to = [discovery.relabel.pod_logs.output]');
    const r = run(['check', 'k8s-logs.alloy'], { cwd: tempTree({ 'k8s-logs.alloy': text }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('discovery.relabel.pod_logs.output should be capsule, got array');
    expect(r.stdout).not.toContain('no-inputs');
  });
});
