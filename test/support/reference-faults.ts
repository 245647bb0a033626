// Faults in references for the fault-injection test: misspelt export names, misspelt nested
// fields, misspelt exports of declares, and references of the wrong shape in every capsule place.
import { traversalsFromBody, type Analysis, type AttrSpec, type BodySpec, type ComponentCatalog } from '@alloy-lint/analyzer';
import type { Block, File, Ident } from '@alloy-lint/parser';

/** Records one fault: a kind, the codes that catch it, the edit, the range it must be reported at, text to append. */
export type Add = (kind: string, codes: string[], edit: [number, number, string], at: [number, number], append?: string) => void;

const STDLIB_NAMESPACES = new Set(['sys', 'constants', 'string', 'encoding', 'array', 'convert', 'file']);

/** A likely typo of `name`: two letters swapped (or one appended to short names). */
export function typo(name: string): string {
  if (name.length < 4) return name + 'x';
  const i = Math.floor(name.length / 2) - 1;
  const swapped = name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
  return swapped === name ? name + 'x' : swapped;
}

const enc = new TextEncoder();

function misspell(add: Add, kind: string, id: Ident): void {
  const t = typo(id.name);
  add(kind, ['unknown-field'], [id.start, id.end, t], [id.start, id.start + enc.encode(t).length]);
}

/** Misspelt export names (built-in and declared components) and misspelt nested fields. */
export function nameFaults(ast: File, analysis: Analysis, add: Add): void {
  const graph = analysis.graph!;
  const edges = new Map(graph.edges.map((e) => [e.start, e]));
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const visit = (body: Block['body']) => {
    for (const t of traversalsFromBody(body)) {
      const edge = edges.get(t[0].start);
      const first = t[0].name;
      if (edge) {
        const node = nodes.get(edge.to)!;
        const k = edge.to.split('.').length;
        if (node.kind !== 'component' || t.length <= k) continue;
        misspell(add, node.custom ? 'declare export typo' : 'export-name typo', t[k]);
        if (node.custom && t.length > k + 1) misspell(add, 'nested-field typo', t[k + 1]);
      } else if (STDLIB_NAMESPACES.has(first) && t.length >= 2) {
        misspell(add, 'nested-field typo', t[1]);
      } else if (first === 'argument' && t.length >= 3) {
        misspell(add, 'nested-field typo', t[1]);
        misspell(add, 'nested-field typo', t[2]);
      }
    }
  };
  for (const top of ast.body) {
    if (top.kind !== 'Block') continue;
    visit(top.body);
    // Blocks inside declares are references too.
    if (top.fullName === 'declare') for (const inner of top.body) if (inner.kind === 'Block') visit(inner.body);
  }
}

/** A reference of each shape, and the block that defines what it refers to. */
const SHAPES: { kind: string; type: string; ref: string; block: string }[] = [
  { kind: 'targets', type: 'capsule(discovery.Target)', ref: 'discovery.kubernetes.injected.targets', block: 'discovery.kubernetes "injected" {\n  role = "pod"\n}\n' },
  { kind: 'log receiver', type: 'capsule(loki.LogsReceiver)', ref: 'loki.write.injected.receiver', block: 'loki.write "injected" {\n  endpoint {\n    url = "http://x"\n  }\n}\n' },
  { kind: 'otelcol consumer', type: 'capsule(otelcol.Consumer)', ref: 'otelcol.exporter.otlp.injected.input', block: 'otelcol.exporter.otlp "injected" {\n  client {\n    endpoint = "x:4317"\n  }\n}\n' },
  { kind: 'metrics appendable', type: 'capsule(storage.Appendable)', ref: 'prometheus.remote_write.injected.receiver', block: 'prometheus.remote_write "injected" {}\n' },
  { kind: 'relabel rules', type: 'capsule(relabel.Rules)', ref: 'discovery.relabel.injected.rules', block: 'discovery.relabel "injected" {\n  targets = []\n}\n' },
  { kind: 'auth handler', type: 'capsule(auth.Handler)', ref: 'otelcol.auth.basic.injected.handler', block: 'otelcol.auth.basic "injected" {\n  username = "u"\n  password = sys.env("P")\n}\n' },
  { kind: 'profiles appendable', type: 'capsule(pyroscope.Appendable)', ref: 'pyroscope.write.injected.receiver', block: 'pyroscope.write "injected" {}\n' },
];

const shapeOf = (type: string) => SHAPES.find((s) => s.type === type);

/** Every other shape of reference put where one capsule kind is expected, as the attribute is written (a list or one value). */
export function shapeFaults(ast: File, catalog: ComponentCatalog, add: Add): void {
  for (const top of ast.body) {
    if (top.kind !== 'Block' || !top.label) continue;
    const spec = catalog.component(top.fullName)?.args;
    if (spec) placesIn(top, spec, add);
  }
}

function placesIn(b: Block, spec: BodySpec, add: Add): void {
  if (spec.kind !== 'struct') return;
  const fields = new Map(spec.fields.map((f) => [f.name, f]));
  for (const s of b.body) {
    const f = fields.get(s.kind === 'Block' ? s.fullName : s.name.name);
    if (s.kind === 'Block' && f?.kind === 'block') placesIn(s, f.body, add);
    if (s.kind === 'Attribute' && f?.kind === 'attr') place(s.value, f, add);
  }
}

function place(value: { start: number; end: number }, f: AttrSpec, add: Add): void {
  const list = /^list\((.*)\)$/.exec(f.type);
  const here = shapeOf(list ? list[1] : f.type);
  if (!here) return;
  for (const other of SHAPES) {
    if (other === here) continue;
    const text = list ? `[${other.ref}]` : other.ref;
    const at = value.start + (list ? 1 : 0);
    add(`${other.kind} where ${here.kind} expected`, ['type-mismatch'], [value.start, value.end, text], [at, at + other.ref.length], '\n' + other.block);
  }
  if (list && here.kind !== 'targets') {
    // The right shape, but one reference where a list is expected.
    add('single reference for a list', ['type-mismatch'], [value.start, value.end, `${here.ref}`], [value.start, value.start + here.ref.length], '\n' + here.block);
  }
}
