import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const seed = readFileSync(new URL('../../../examples/k8s-logs.alloy', import.meta.url), 'utf8');

describe('alloy-lint graph', () => {
  it('writes SVG by default, and picks the format from the -o extension', () => {
    const dir = tempTree({ 'k8s-logs.alloy': seed });
    const svg = run(['graph', 'k8s-logs.alloy'], { cwd: dir });
    expect(svg.code).toBe(0);
    expect(svg.stdout.startsWith('<svg ')).toBe(true);
    expect(run(['graph', 'k8s-logs.alloy', '-o', 'out.dot'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'out.dot'), 'utf8')).toMatch(/^digraph alloy \{/);
    expect(run(['graph', 'k8s-logs.alloy', '-o', 'out.txt', '--format', 'mermaid'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toMatch(/^flowchart LR/);
  });

  it('prints the JSON model', () => {
    const dir = tempTree({ 'k8s-logs.alloy': seed });
    const r = run(['graph', 'k8s-logs.alloy', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.nodes.map((n: { id: string }) => n.id)).toContain('loki.write.loki');
    expect(m.edges).toHaveLength(4);
  });

  it('draws a directory as one configuration, files in byte order of name', () => {
    const dir = tempTree({
      'cfg/b.alloy': 'loki.write "out" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n',
      'cfg/a.alloy': 'loki.source.api "in" {\n  http {\n    listen_port = 3100\n  }\n  forward_to = [loki.write.out.receiver]\n}\n',
    });
    const m = JSON.parse(run(['graph', 'cfg', '-f', 'json'], { cwd: dir }).stdout);
    expect(m.files).toEqual([join('cfg', 'a.alloy'), join('cfg', 'b.alloy')]);
    expect(m.edges.map((e: { from: string; to: string }) => `${e.from} -> ${e.to}`)).toEqual(['loki.source.api.in -> loki.write.out']);
  });

  it('exits 1 with the syntax errors when a file does not parse, 2 on usage errors', () => {
    const dir = tempTree({ 'bad.alloy': 'loki.write "x" {\n' });
    const r = run(['graph', 'bad.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.alloy:2:1');
    expect(run(['graph', 'bad.alloy', '--format', 'png'], { cwd: dir }).code).toBe(2);
    expect(run(['graph', 'nope.alloy'], { cwd: dir }).code).toBe(2);
  });
});
