import { toSvg } from '@alloy-lint/graph';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS generator shared with the benchmarks
import { generateConfig } from '../../../bench/generate.js';
import { ELK_BUDGET } from '../src/layout.js';
import { simpleLayout } from '../src/simple-layout.js';
import { viewOf } from '../src/view.js';
import { modelOf } from './helpers.js';

/** Declares nested `depth` deep, each holding a relabel, used `uses` times, and a chain of writers. */
function clustered(declares: number, depth: number, uses: number): string {
  const out: string[] = [];
  for (let d = 0; d < declares; d++) {
    for (let k = 0; k < depth; k++) out.push(`declare "d${d}_${k}" {`);
    out.push('  argument "targets" { }', '  discovery.relabel "r" {', '    targets = argument.targets.value', '  }', '  export "out" {', '    value = discovery.relabel.r.output', '  }');
    for (let k = depth - 1; k > 0; k--) {
      out.push('}');
      out.push(`d${d}_${k} "use" {`, '  targets = []', '}');
    }
    out.push('}');
    for (let u = 0; u < uses; u++) out.push(`d${d}_0 "u${u}" {`, `  targets = ${u === 0 ? '[]' : `d${d}_0.u${u - 1}.out`}`, '}');
  }
  return out.join('\n') + '\n';
}

const rects = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<rect class="${cls}[^"]*" x="([-\\d.]+)" y="([-\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`, 'g'))].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));

describe('graphs past the ELK budget', () => {
  const model = modelOf({ 'big.alloy': clustered(60, 3, 4) });

  it('are drawn with the simple layout, and say so', async () => {
    const view = viewOf(model);
    expect(view.nodes.length + view.clusters.length).toBeGreaterThan(ELK_BUDGET.boxes);
    const notes: string[] = [];
    const svg = await toSvg(model, { onNote: (n) => notes.push(n) });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/past the budget of the ELK layout .* --format dot or json/);
    expect(svg).toContain('simple layout (too large for the full one)');
    expect(rects(svg, 'node')).toHaveLength(view.nodes.length);
    expect(rects(svg, 'cluster')).toHaveLength(view.clusters.length);
    expect(await toSvg(model)).toBe(svg);
  });

  it('put every box inside its cluster, and no two boxes of one cluster on each other', () => {
    const view = viewOf(model);
    const laid = simpleLayout(view);
    const box = new Map<string, { x: number; y: number; w: number; h: number }>();
    for (const c of laid.clusters) box.set(c.cluster.id, c);
    const inside = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
    const byParent = new Map<string | undefined, { x: number; y: number; w: number; h: number }[]>();
    const place = (parent: string | undefined, b: { x: number; y: number; w: number; h: number }) => {
      if (parent !== undefined) expect(inside(b, box.get(parent)!)).toBe(true);
      byParent.set(parent, [...(byParent.get(parent) ?? []), b]);
    };
    for (const n of laid.nodes) place(n.node.parent, n);
    for (const c of laid.clusters) place(c.cluster.parent, c);
    for (const list of byParent.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const [a, b] = [list[i], list[j]];
          expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
        }
      }
    }
    // Data flows left to right: the first instance of a chain sits left of the next.
    const x = (id: string) => laid.nodes.find((n) => n.node.id === id)?.x ?? laid.clusters.find((c) => c.cluster.id === id)!.x;
    expect(x('d0_0.u0')).toBeLessThan(x('d0_0.u1'));
  });

  // Before the budget, ELK took 89 s and 1.6 GB on this 1 MB config (the test timed out).
  it('draws a 1 MB config', async () => {
    const text = generateConfig(41_000) as string;
    expect(text.length).toBeGreaterThan(1_000_000);
    const big = modelOf({ 'big.alloy': text });
    const notes: string[] = [];
    const svg = await toSvg(big, { onNote: (n) => notes.push(n) });
    expect(notes).toHaveLength(1);
    expect(rects(svg, 'node').length).toBe(viewOf(big).nodes.length);
    expect(big.nodes.length).toBeGreaterThan(3000);
  });
});
