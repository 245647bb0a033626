// Issue 18: configs come from pull requests. Each attack runs the real CLI on a throwaway
// repository with a planted environment variable and a planted file beside the repository;
// neither may appear in any output, and no path outside the root may be opened or listed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack, leakFree, scene } from './support/attack.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'];
const importFile = (filename: string, label = 'm') => `import.file "${label}" {\n  filename = ${JSON.stringify(filename)}\n}\n`;

describe('security: nothing outside the root is read', () => {
  it('import.file "/proc/self/environ" is refused in every format, naming the rule, not the content', async () => {
    const s = scene({ 'x.alloy': importFile('/proc/self/environ') });
    for (const f of FORMATS) {
      const o = (await attack(s, ['check', 'x.alloy', '--format', f]));
      expect(leakFree(s, o), f).toEqual([]);
      expect(o.code, f).toBe(1);
      expect(o.stdout, f).toContain('import-failed');
      expect(o.stdout, f).toContain("outside the configuration's root");
    }
  });

  it('import.file through ../ to a file beside the repository, as text and as a valid Alloy module', async () => {
    const s = scene({ 'conf/x.alloy': importFile('../../outside/planted.txt', 'a') + importFile('../../outside/planted.alloy', 'b') });
    const o = (await attack(s, ['check', 'conf/x.alloy', '--format', 'json']));
    expect(leakFree(s, o)).toEqual([]);
    expect(JSON.parse(o.stdout).map((d: { code: string }) => d.code)).toEqual(['import-failed', 'import-failed']);
  });

  it('symbolic links out of the repository are not followed by the walk, nor by import.file', async () => {
    const s = scene({ 'ok.alloy': 'logging {\n  level = "info"\n}\n', 'm.alloy': importFile('mod/link.alloy') });
    symlinkSync('/proc/self/environ', join(s.repo, 'leak.alloy'));
    symlinkSync(join(s.outside, 'planted.alloy'), join(s.repo, 'planted.alloy'));
    mkdirSync(join(s.repo, 'mod'));
    symlinkSync(join(s.outside, 'planted.alloy'), join(s.repo, 'mod', 'link.alloy'));
    symlinkSync(s.outside, join(s.repo, 'outside-dir'));
    const o = (await attack(s, ['check', '.', '--format', 'json']));
    expect(leakFree(s, o)).toEqual([]);
    expect(o.stderr).toContain('skipped leak.alloy: it is a symbolic link that leads outside');
    expect(o.stderr).toContain('skipped planted.alloy');
    expect(JSON.parse(o.stdout)).toMatchObject([{ file: 'm.alloy', code: 'import-failed', message: expect.stringContaining('symbolic link that leads outside') }]);
  });

  it('devices, FIFOs and oversized files are refused without being read', async () => {
    const s = scene({ 'x.alloy': importFile('/dev/zero', 'a') + importFile('fifo', 'b') + importFile('big.alloy', 'c') });
    spawnSync('mkfifo', [join(s.repo, 'fifo')]);
    writeFileSync(join(s.repo, 'big.alloy'), '');
    truncateSync(join(s.repo, 'big.alloy'), 33 * 1024 * 1024);
    const o = (await attack(s, ['check', 'x.alloy', '--format', 'json']));
    expect(leakFree(s, o)).toEqual([]);
    const messages = JSON.parse(o.stdout).map((d: { message: string }) => d.message);
    expect(messages).toEqual([
      expect.stringContaining("/dev/zero: it is outside the configuration's root"),
      expect.stringContaining('fifo: it is not a regular file'),
      expect.stringContaining('big.alloy: it is larger than 32 MiB'),
    ]);
  });

  it('--root widens the root; nothing else does', async () => {
    const s = scene({ 'x.alloy': importFile('../outside/planted.alloy') });
    const refused = (await attack(s, ['check', 'x.alloy', '--format', 'json']));
    expect(leakFree(s, refused)).toEqual([]);
    const widened = (await attack(s, ['check', 'x.alloy', '--format', 'json', '--root', '..']));
    // Allowed now: the module is read and its diagnostic points into it.
    expect(widened.escaped).toEqual([join(s.outside, 'planted.alloy')]);
  });

  it('run: local.file, import.file and globs outside the root fail the component; sys.env sees no variable of the environment', async () => {
    const config = [
      'local.file "env" {\n  filename = "/proc/self/environ"\n}\n',
      'local.file_match "logs" {\n  path_targets = [{"__path__" = "/etc/*"}]\n}\n',
      'loki.source.file "f" {\n  targets    = [{"__path__" = "app.log"}]\n  forward_to = [loki.process.p.receiver]\n}\n',
      'loki.process "p" {\n  forward_to = [loki.echo.e.receiver]\n  stage.static_labels {\n    values = { leak = sys.env("ALLOY_LINT_PLANTED") }\n  }\n}\n',
      'loki.echo "e" { }\n',
    ].join('\n');
    const s = scene({ 'c.alloy': config, 'app.log': 'hello\n' });
    for (const format of ['text', 'json']) {
      const o = (await attack(s, ['run', 'c.alloy', '--format', format]));
      expect(leakFree(s, o), format).toEqual([]);
      expect(o.code, format).toBe(1);
    }
    const o = (await attack(s, ['run', 'c.alloy', '--format', 'json']));
    const out = JSON.parse(o.stdout);
    const byId = Object.fromEntries(out.components.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(byId).toMatchObject({ 'local.file.env': 'failed', 'local.file_match.logs': 'simulated', 'loki.echo.e': 'simulated' });
    expect(out.targets).toEqual([{ component: 'local.file_match.logs', targets: [] }]);
    expect(out.sinks[0].entries.map((e: { labels: object }) => e.labels)).toEqual([{ filename: 'app.log' }]);
    // import.file outside the root: the configuration does not load, as Alloy's would not.
    const t = scene({ 'c.alloy': `${importFile('../outside/planted.alloy')}\nloki.echo "e" { }\n` });
    const refused = (await attack(t, ['run', 'c.alloy']));
    expect(leakFree(t, refused)).toEqual([]);
    expect(refused.stderr).toContain('[import-failed]');
  });

  it('test: a config path and a samples path outside the root are errors, not reads', async () => {
    const s = scene({
      'a.test.yaml': 'config:\n  path: ../outside/planted.alloy\nassert:\n  loki:\n    - { type: count, count: 0 }\n',
      'b.test.yaml': 'config: |\n  loki.echo "e" { }\nsamples: /proc/self/environ\nassert:\n  loki:\n    - { type: count, count: 0 }\n',
    });
    const o = (await attack(s, ['test', '.']));
    expect(leakFree(s, o)).toEqual([]);
    expect(o.code).toBe(1);
    expect(o.stdout).toContain("outside the configuration's root");
  });

  it('graph: a folder whose .alloy file links out of the root', async () => {
    const s = scene({ 'conf/a.alloy': 'logging {\n  level = "info"\n}\n' });
    symlinkSync(join(s.outside, 'planted.alloy'), join(s.repo, 'conf', 'b.alloy'));
    const o = (await attack(s, ['graph', 'conf', '--format', 'json']));
    expect(leakFree(s, o)).toEqual([]);
    expect(o.code).toBe(2);
    expect(o.stderr).toBe("alloy-lint: conf/b.alloy: it is a symbolic link that leads outside the configuration's root\n");
  });

  it('.alloy-lint.json: alloyVersion must name a release; a linked settings file is not followed', async () => {
    const s = scene({ 'x.alloy': 'logging { }\n', '.alloy-lint.json': JSON.stringify({ alloyVersion: 'v1/../../../../outside' }) });
    const o = (await attack(s, ['check', 'x.alloy']));
    expect(leakFree(s, o)).toEqual([]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/^alloy-lint: .*\.alloy-lint\.json: alloyVersion must be a release name such as v1\.18\.1, got "v1\/\.\.\/\.\.\/\.\.\/\.\.\/outside"\n$/);
    const t = scene({ 'x.alloy': 'logging { }\n' });
    symlinkSync(join(t.outside, 'planted.txt'), join(t.repo, '.alloy-lint.json'));
    const linked = (await attack(t, ['check', 'x.alloy']));
    expect(leakFree(t, linked)).toEqual([]);
    expect(linked.code).toBe(2);
  });

  it('import.git: the repository cannot be an option or a transport, the path stays inside the clone', async () => {
    const marker = join(scene().outside, 'pwned');
    const gitImport = (label: string, repository: string, path = 'm.alloy') => `import.git "${label}" {\n  repository = ${JSON.stringify(repository)}\n  path       = ${JSON.stringify(path)}\n}\n`;
    const s = scene({
      'x.alloy': [
        gitImport('a', `--upload-pack=touch ${marker}`),
        gitImport('b', `ext::sh -c touch% ${marker}`),
        gitImport('c', 'https://example.invalid/x.git', '../../outside/planted.txt'),
        gitImport('d', '../outside'),
      ].join('\n'),
    });
    const o = (await attack(s, ['check', 'x.alloy', '--allow-network', '--format', 'json']));
    expect(leakFree(s, o)).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(JSON.parse(o.stdout).map((d: { message: string }) => d.message)).toEqual([
      `import.git "a": repository "--upload-pack=touch ${marker}" is not a URL or a path`,
      `import.git "b": repository "ext::sh -c touch% ${marker}": only http(s), ssh and git URLs or a local path are fetched`,
      'import.git "c": path "../../outside/planted.txt" must stay inside the repository',
      `import.git "d": repository "../outside": it is outside the configuration's root`,
    ]);
  });
});

describe('security: output hygiene', () => {
  const ESC = '\u001b]0;PWNED\u0007\u001b[2J\u202e';

  it('control characters of a config are escaped in excerpts and messages, in colour or not', async () => {
    const s = scene({ 'x.alloy': `a = "${ESC}" +\n`, 'y.alloy': `logging {\n  level = "${ESC}"\n}\n` });
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      for (const args of [['check', '.'], ['check', '.', '--format', 'github'], ['fmt', 'x.alloy'], ['run', 'y.alloy'], ['graph', 'x.alloy']]) {
        const o = (await attack(s, args, { env }));
        expect(leakFree(s, o)).toEqual([]);
        // Only SGR colour sequences of our own may remain.
        expect(o.all.replace(/\u001b\[[0-9;]*m/g, ''), args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
      }
    }
  });

  it('a binary file gives one line, not thousands', async () => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256));
    const s = scene({ 'bin.alloy': bytes });
    const check = (await attack(s, ['check', 'bin.alloy']));
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('bin.alloy:1:1: this does not look like an Alloy file (it contains NUL bytes) [not-alloy]\n\n✖ 1 error in 1 file (1 checked)\n');
    for (const args of [['fmt', 'bin.alloy'], ['graph', 'bin.alloy'], ['run', 'bin.alloy']]) {
      const o = (await attack(s, args));
      expect(o.all.trimEnd().split('\n'), args[0]).toHaveLength(1);
      expect(o.all, args[0]).toContain('this does not look like an Alloy file');
    }
  });

  it('correlate: a data-sources file that links out of the repository is refused in one line', async () => {
    const s = scene({ 'x.alloy': 'loki.echo "e" { }\n' });
    symlinkSync(join(s.outside, 'planted.txt'), join(s.repo, 'grafana.yaml'));
    const o = await attack(s, ['correlate', '-c', 'x.alloy', '-g', 'grafana.yaml']);
    expect(leakFree(s, o)).toEqual([]);
    expect([o.code, o.stderr]).toEqual([2, "alloy-lint: grafana.yaml: it is a symbolic link that leads outside the configuration's root\n"]);
  });

  it('I/O errors are one line and exit 2, never a stack trace', async () => {
    const s = scene({ 'x.alloy': 'logging {\n      level = "info"\n}\n', 'x.test.yaml': 'config: |\n  loki.echo "e" { }\nassert:\n  loki:\n    - { type: count, count: 0 }\n' });
    const graph = (await attack(s, ['graph', 'x.alloy', '-o', '/nonexistent/x.svg']));
    expect([graph.code, graph.stderr]).toEqual([2, 'alloy-lint: -o /nonexistent/x.svg: cannot write: no such file or directory\n']);
    const junit = (await attack(s, ['test', 'x.test.yaml', '--junit', 'missing/out.xml']));
    expect([junit.code, junit.stderr]).toEqual([2, 'alloy-lint: --junit missing/out.xml: cannot write: no such file or directory\n']);
  });

  it('I/O errors as an unprivileged user: fmt -w on a read-only file, an unreadable import.file', async () => {
    const s = scene({ 'x.alloy': 'logging {\n      level = "info"\n}\n', 'm.alloy': importFile('secret.alloy'), 'secret.alloy': 'declare "d" { }\n' });
    spawnSync('chmod', ['0444', join(s.repo, 'x.alloy')]);
    spawnSync('chmod', ['0000', join(s.repo, 'secret.alloy')]);
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const fmt = (await attack(s, ['fmt', '-w', 'x.alloy'], { uid }));
    expect([fmt.code, fmt.stderr]).toEqual([2, 'alloy-lint: x.alloy: cannot write: permission denied\n']);
    const imp = (await attack(s, ['check', 'm.alloy', '--format', 'json'], { uid }));
    expect(leakFree(s, imp)).toEqual([]);
    expect(JSON.parse(imp.stdout)).toMatchObject([{ code: 'import-failed', message: 'import.file "m": cannot read secret.alloy: permission denied' }]);
  });

  it('numeric flags are validated', async () => {
    const s = scene({ 'x.alloy': 'logging { }\n' });
    for (const [value, why] of [
      ['abc', 'expects an integer, got "abc"'],
      ['1.5', 'expects an integer, got "1.5"'],
      ['-2', 'must be at least -1, got -2'],
    ]) {
      const o = (await attack(s, ['check', 'x.alloy', '--max-warnings', value]));
      expect([o.code, o.stderr]).toEqual([2, `alloy-lint: --max-warnings ${why}\n`]);
    }
  });

  it('secrets are masked in run, test and graph output: literals, URLs with and without a scheme, query-string tokens', async () => {
    const config = [
      'loki.source.file "f" {\n  targets    = [{"__path__" = "app.log"}]\n  forward_to = [loki.write.w.receiver]\n}\n',
      'loki.write "w" {\n  endpoint {\n    url = "bob:s3cret-in-url@loki:3100/push?token=tok-in-query"\n    basic_auth {\n      username = "bob"\n      password = "literal-s3cret"\n    }\n  }\n}\n',
    ].join('\n');
    const secrets = ['s3cret-in-url', 'tok-in-query', 'literal-s3cret', 'line-s3cret', 'https-s3cret'];
    const s = scene({
      'c.alloy': config,
      'app.log': 'GET https://u:https-s3cret@example.com/x?api_key=line-s3cret\n',
      'c.test.yaml': 'config:\n  path: c.alloy\nassert:\n  loki:\n    - { type: count, count: 5 }\n',
    });
    for (const args of [['run', 'c.alloy'], ['run', 'c.alloy', '--format', 'json'], ['run', 'c.alloy', '--trace'], ['test', 'c.test.yaml', '-v', '--junit', 'j.xml'], ['graph', 'c.alloy', '--format', 'json'], ['graph', 'c.alloy', '--format', 'dot'], ['check', 'c.alloy']]) {
      const o = (await attack(s, args));
      expect(leakFree(s, o)).toEqual([]);
      for (const secret of secrets) expect(o.all, `${args.join(' ')}: ${secret}`).not.toContain(secret);
    }
  });
});

describe('security: Alloy inside YAML gets the same hygiene', () => {
  it('a Helm values file: import.file outside the root refused, secrets masked, control characters escaped', async () => {
    const alloy = ['import.file "m" {', '  filename = "/proc/self/environ"', '}', 'logging {', '  level = "\\u001b[2J"', '}', 'loki.write "w" {', '  endpoint {', '    url = "http://loki/push"', '    basic_auth {', '      username = "u"', '      password = "yaml-s3cret-value"', '    }', '  }', '}'];
    const values = `alloy:\n  configMap:\n    content: |\n${alloy.map((l) => `      ${l}`).join('\n')}\n`;
    const s = scene({ 'values.yaml': values });
    for (const f of FORMATS) {
      const o = await attack(s, ['check', 'values.yaml', '--format', f]);
      expect(leakFree(s, o), f).toEqual([]);
      expect(o.all, f).not.toContain('yaml-s3cret-value');
      expect(o.all, f).toContain('import-failed');
      expect(o.all.replace(/\u001b\[[0-9;]*m/g, ''), f).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});
