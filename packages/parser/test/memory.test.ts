// The tree's memory-saving shapes: shared empty lists and block names, shared token texts in
// large sources. None may change what the tree says.
import { describe, expect, it } from 'vitest';
import { TextTable, hashBytes } from '../src/intern.js';
import { INTERN_FROM } from '../src/scanner.js';
import { parse, type Attribute, type Block, type CallExpr } from '../src/index.js';

const enc = new TextEncoder();

describe('TextTable', () => {
  const get = (t: TextTable, src: Uint8Array, text: string, start: number, end: number) => t.get(src, text, start, end, hashBytes(src, start, end));

  it('returns one string per distinct text and the right text for each', () => {
    const text = 'alpha beta alpha gamma beta';
    const src = enc.encode(text);
    const t = new TextTable();
    const words = [...text.matchAll(/\w+/g)].map((m) => get(t, src, text, m.index!, m.index! + m[0].length));
    expect(words).toEqual(['alpha', 'beta', 'alpha', 'gamma', 'beta']);
    // A hit answers from the table: it does not slice the text it is given again.
    expect(get(t, src, 'X'.repeat(text.length), 0, 5)).toBe('alpha');
    expect(get(t, src, 'X'.repeat(text.length), 6, 9)).toBe('XXX');
  });

  it('keeps texts apart whose hashes collide, and grows past its first size', () => {
    // Forced collisions: the same hash for different texts must still give each its own text.
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const src = enc.encode(text);
    const t = new TextTable();
    const seen = new Map<string, string>();
    for (const m of text.matchAll(/\w+/g)) {
      const s = t.get(src, text, m.index!, m.index! + m[0].length, 42);
      expect(s).toBe(m[0]);
      seen.set(s, s);
    }
    expect(seen.size).toBe(5000);
    for (const m of text.matchAll(/\w+/g)) expect(get(t, src, text, m.index!, m.index! + m[0].length)).toBe(m[0]);
  });
});

describe('tree shapes', () => {
  const blocks = (src: string) => parse(src).ast.body as Block[];

  it('gives every empty list the same frozen array', () => {
    const [a, b] = blocks('a {}\nb {\n  x = f()\n  y = []\n  z = {}\n}\n');
    const [x, y, z] = b.body as Attribute[];
    expect(a.body).toBe((x.value as CallExpr).args);
    expect(y.value.kind === 'Array' && y.value.elements).toBe(a.body);
    expect(z.value.kind === 'Object' && z.value.fields).toBe(a.body);
    expect(Object.isFrozen(a.body)).toBe(true);
    expect(a.body).toEqual([]);
  });

  it('shares one frozen fragment list between blocks of the same name', () => {
    const [p, q, r] = blocks('loki.write "a" {}\nloki.write "b" {}\nloki.process "c" {}\n');
    expect(p.name).toBe(q.name);
    expect(p.name).toEqual(['loki', 'write']);
    expect(Object.isFrozen(p.name)).toBe(true);
    expect(r.name).toEqual(['loki', 'process']);
    expect([p.fullName, r.fullName]).toEqual(['loki.write', 'loki.process']);
    expect(p.labelSpan).toEqual({ start: 11, end: 14 });
    expect('labelSpan' in blocks('logging {}\n')[0]).toBe(false);
  });

  it(`shares token texts above ${INTERN_FROM} bytes without changing the tree`, () => {
    const unit = 'loki.write "w" {\n  endpoint {\n    url = "http://loki:3100/push"\n  }\n  external_labels = { cluster = "c", env = env("E") }\n}\n';
    const big = unit.repeat(Math.ceil(INTERN_FROM / unit.length) + 1);
    // A non-ASCII comment at the end turns sharing off; the tree before it is the same.
    const plain = parse(big + '// é\n');
    const shared = parse(big);
    expect(shared.ast.body.length).toBeGreaterThan(1000);
    expect(shared.ast.body).toEqual(plain.ast.body);
  });
});
