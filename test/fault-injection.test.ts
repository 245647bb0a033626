// Injects one fault at a time into valid configs and checks that `alloy-lint check` catches it
// at the right place: broken references, wrong capsule types, unknown and missing arguments,
// component typos, cycles, wrong literal types, bad regular expressions, misspelt exports and
// nested fields, misspelt declare exports, and references of the wrong shape in every place.
import { readdirSync, readFileSync } from 'node:fs';
import { analyze, type AttrSpec, type BodySpec } from '@alloy-lint/analyzer';
import { parse, type Block, type Stmt } from '@alloy-lint/parser';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { describe, expect, it } from 'vitest';
import { nameFaults, shapeFaults } from './support/reference-faults.js';

const catalog = loadSchemaCatalog('v1.18.1');

const fixtureDirs = [new URL('../examples/', import.meta.url), new URL('./fixtures/valid/', import.meta.url)];
const fixtures = fixtureDirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.alloy'))
    .map((f) => ({ name: f, text: readFileSync(new URL(f, d), 'utf8') })),
);

interface Fault {
  kind: string;
  fixture: string;
  text: string;
  codes: string[];
  start: number;
  end: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
/** Replaces bytes [start, end) of `text`; offsets are byte offsets. */
function splice(text: string, start: number, end: number, insert: string): string {
  const b = enc.encode(text);
  return dec.decode(b.subarray(0, start)) + insert + dec.decode(b.subarray(end));
}

/** A reference of another capsule type, and the block that defines it (appended to the file). */
const OTHER_CAPSULE: Record<string, [string, string]> = {
  'capsule(loki.LogsReceiver)': ['otelcol.exporter.otlp.injected.input', '\notelcol.exporter.otlp "injected" {\n  client {\n    endpoint = "x:4317"\n  }\n}\n'],
  'capsule(otelcol.Consumer)': ['loki.write.injected.receiver', '\nloki.write "injected" {\n  endpoint {\n    url = "http://x"\n  }\n}\n'],
  'capsule(storage.Appendable)': ['loki.write.injected.receiver', '\nloki.write "injected" {\n  endpoint {\n    url = "http://x"\n  }\n}\n'],
};

function faultsIn(fixture: string, text: string): Fault[] {
  const out: Fault[] = [];
  const add = (kind: string, codes: string[], edit: [number, number, string], at: [number, number], append = '') =>
    out.push({ kind, fixture, text: splice(text, ...edit) + append, codes, start: at[0], end: at[1] });
  const { ast } = parse(text);
  const analysis = analyze([{ name: fixture, text }], { catalog });
  nameFaults(ast, analysis, add);
  shapeFaults(ast, catalog, add);
  for (const top of ast.body) {
    if (top.kind !== 'Block' || !top.label) continue;
    const name = top.name.join('.');
    const spec = catalog.component(name);
    if (!spec?.args) continue;
    add('component typo', ['unknown-component'], [top.start, top.nameSpan.end, name.slice(0, -1)], [top.start, top.nameSpan.end - 1]);
    walkBody(top, spec.args, add);
    const id = `${name}.${top.label}`;
    for (const e of analysis.graph!.edges.filter((x) => x.from === id)) {
      const parts = e.traversal.split('.');
      // The label (last part of the id) no longer names a block.
      const label = e.to.split('.').length - 1;
      const broken = parts.map((p, i) => (i === label ? p + '_gone' : p)).join('.');
      add('broken reference', ['unknown-reference'], [e.start, e.end, broken], [e.start, e.start + broken.length]);
      const target = analysis.graph!.nodes.find((n) => n.id === e.to)!;
      const type = catalog.component(target.name)?.exports.find((x) => x.name === parts[parts.length - 1])?.type ?? '';
      if (OTHER_CAPSULE[type]) {
        const [other, block] = OTHER_CAPSULE[type];
        add('wrong capsule type', ['type-mismatch'], [e.start, e.end, other], [e.start, e.start + other.length], block);
      }
      const own = spec.exports.find((x) => x.type === type);
      if (own && type.startsWith('capsule(')) {
        add('cycle', ['self-reference', 'cycle'], [e.start, e.end, `${id}.${own.name}`], [top.start, top.lcurly]);
      }
    }
  }
  return out;
}

type Add = (kind: string, codes: string[], edit: [number, number, string], at: [number, number], append?: string) => void;

function walkBody(b: Block, spec: BodySpec, add: Add): void {
  if (spec.kind !== 'struct') return;
  const fields = new Map(spec.fields.map((f) => [f.name, f]));
  for (const s of b.body) {
    const f = fields.get(s.kind === 'Block' ? s.name.join('.') : s.name.name);
    if (!f) continue;
    if (s.kind === 'Block' && f.kind === 'block') walkBody(s, f.body, add);
    if (s.kind === 'Attribute' && f.kind === 'attr') attributeFaults(b, s, f, add);
  }
}

function attributeFaults(parent: Block, s: Stmt & { kind: 'Attribute' }, f: AttrSpec, add: Add): void {
  add('unknown argument', ['unknown-attribute'], [s.name.start, s.name.end, s.name.name + '_x'], [s.start, s.start + s.name.name.length + 2]);
  if (f.required) add('missing required argument', ['missing-required'], [s.start, s.end, ''], [parent.start, parent.start + 1]);
  const v = s.value;
  if (v.kind === 'Literal') {
    if (v.litKind === 'STRING' && (f.type === 'string' || f.type === 'duration') && !f.regex) {
      add('wrong literal type', ['type'], [v.start, v.end, 'true'], [v.start, v.start + 4]);
    } else if (v.litKind === 'BOOL' && f.type === 'bool') {
      add('wrong literal type', ['type'], [v.start, v.end, '"yes"'], [v.start, v.start + 5]);
    } else if ((v.litKind === 'NUMBER' || v.litKind === 'FLOAT') && f.type === 'number') {
      add('wrong literal type', ['type'], [v.start, v.end, '"many"'], [v.start, v.start + 6]);
    }
    if (v.litKind === 'STRING' && f.regex) add('bad regex', ['invalid-regex'], [v.start, v.end, '"(unclosed"'], [v.start, v.start + 11]);
  }
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < Math.max(b[1], b[0] + 1) && b[0] < Math.max(a[1], a[0] + 1);

describe('fault injection', () => {
  it('the fixtures are valid to begin with', () => {
    for (const f of fixtures) {
      const { diagnostics } = analyze([{ name: f.name, text: f.text }], { catalog });
      expect(diagnostics.filter((d) => d.severity === 'error'), f.name).toEqual([]);
    }
  });

  it('catches at least 98% of injected faults at the right range', () => {
    const faults = fixtures.flatMap((f) => faultsIn(f.name, f.text));
    const missed: string[] = [];
    const kinds = new Map<string, [number, number]>();
    for (const fault of faults) {
      const { diagnostics } = analyze([{ name: fault.fixture, text: fault.text }], { catalog });
      const hit = diagnostics.some((d) => fault.codes.includes(d.code) && overlaps([d.start, d.end], [fault.start, fault.end]));
      const k = kinds.get(fault.kind) ?? [0, 0];
      kinds.set(fault.kind, [k[0] + (hit ? 1 : 0), k[1] + 1]);
      if (!hit) missed.push(`${fault.fixture}: ${fault.kind} at ${fault.start}: got ${diagnostics.map((d) => `${d.code}@${d.start}`).join(', ')}`);
    }
    const caught = faults.length - missed.length;
    const summary = [...kinds].map(([k, [c, n]]) => `${k} ${c}/${n}`).join('; ');
    console.log(`fault injection: ${caught}/${faults.length} caught (${((100 * caught) / faults.length).toFixed(1)}%): ${summary}`);
    for (const kind of ['export-name typo', 'nested-field typo', 'declare export typo', 'single reference for a list', 'targets where log receiver expected', 'log receiver where targets expected', 'relabel rules where targets expected']) {
      expect(kinds.get(kind)?.[1] ?? 0, kind).toBeGreaterThan(0);
    }
    expect(kinds.size).toBeGreaterThan(40);
    expect(faults.length).toBeGreaterThan(300);
    for (const [kind, [c, n]] of kinds) expect(c / n, `${kind}:\n${missed.filter((m) => m.includes(`: ${kind} at`)).join('\n')}`).toBeGreaterThanOrEqual(0.98);
  });
});
