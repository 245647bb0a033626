import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const MATH = 'declare "add" {\n  argument "a" { }\n  argument "b" {\n    optional = true\n  }\n\n  export "sum" {\n    value = argument.a.value\n  }\n}\n';

describe('modules', () => {
  it('follows import.file relative to the importing file and checks instances against the declares', () => {
    const dir = tempTree({
      'cfg/main.alloy': 'import.file "math" {\n  filename = "lib/math.alloy"\n}\n\nmath.add "ok" {\n  a = 1\n}\n\nmath.mul "bad" { }\n\nmath.add "missing" { }\n',
      'cfg/lib/math.alloy': MATH,
    });
    const r = run(['check', 'cfg/main.alloy', '--format', 'json'], { cwd: dir });
    const got = JSON.parse(r.stdout).map((d: { line: number; message: string }) => `${d.line}: ${d.message}`);
    expect(got).toEqual(['9: module "math" has no declare named "mul" (it declares: add)', '11: missing required attribute "a"']);
  });

  it('reports problems inside imported files under their own name', () => {
    const dir = tempTree({ 'main.alloy': 'import.file "m" {\n  filename = "m.alloy"\n}\n', 'm.alloy': 'declare "x" {\n  loki.wrte "y" { }\n}\n' });
    const r = run(['check', 'main.alloy', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject([{ file: 'm.alloy', line: 2, message: 'cannot find the definition of component name "loki.wrte"' }]);
  });

  it('finds import cycles between files', () => {
    const dir = tempTree({
      'a.alloy': 'import.file "b" {\n  filename = "b.alloy"\n}\n',
      'b.alloy': 'import.file "a" {\n  filename = "a.alloy"\n}\n',
    });
    const r = run(['check', 'a.alloy', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((d: { message: string }) => d.message)).toContain('import cycle: a.alloy → b.alloy → a.alloy');
  });

  it('checks import.string modules', () => {
    const text = 'import.string "s" {\n  content = "declare \\"d\\" {\\n  argument \\"x\\" { }\\n}\\n"\n}\n\ns.d "one" {\n  y = 1\n}\n';
    const dir = tempTree({ 'main.alloy': text });
    const msgs = JSON.parse(run(['check', 'main.alloy', '--format', 'json'], { cwd: dir }).stdout).map((d: { message: string }) => d.message);
    expect(msgs).toEqual(['unrecognized attribute name "y"', 'missing required attribute "x"']);
  });

  it('does not fetch import.git without --allow-network, and does with it (local repository inside the root)', () => {
    const main = `import.git "g" {\n  repository = "./repo"\n  path       = "mod.alloy"\n}\n\ng.add "x" {\n  b = 1\n}\n`;
    const dir = tempTree({ 'repo/mod.alloy': MATH, 'main.alloy': main });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: `${dir}/repo`, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'm');
    const cfg = dir;
    const offline = JSON.parse(run(['check', 'main.alloy', '--format', 'json'], { cwd: cfg }).stdout);
    expect(offline).toMatchObject([{ severity: 'info', code: 'import-not-checked' }]);
    const online = JSON.parse(run(['check', 'main.alloy', '--allow-network', '--format', 'json'], { cwd: cfg }).stdout);
    expect(online.map((d: { message: string }) => d.message)).toEqual(['missing required attribute "a"']);
  });
});
