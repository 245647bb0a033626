import type { Analysis, BodySpec, ComponentCatalog } from '@alloy-lint/analyzer';
import { type Pinnable, pinDiagnostics } from './badges.js';
import type { GraphCluster, GraphEdge, GraphModel, GraphNode, NodeKind, Range, Signal } from './model.js';
import { SIGNALS } from './model.js';
import { referencesIn } from './references.js';
import { type Entry, Scopes } from './scopes.js';
import { attributeType, capsuleOf, classify, type Flow } from './signal.js';

type Sources = Analysis['sources'];

function rangeOf(sources: Sources, file: string, start: number, end: number): Range {
  const src = sources.get(file);
  const at = (offset: number) => {
    const p = src ? src.position(offset) : { line: 0, column: 0 };
    return { offset, line: p.line, column: p.column };
  };
  return { file, start: at(start), end: at(end) };
}

/** What kind of model element an analyzer node becomes. */
function shapeOf(e: Entry): { cluster: GraphCluster['kind'] } | { node: NodeKind } {
  const n = e.node;
  if (n.kind === 'declare') return { cluster: 'declare' };
  if (n.kind === 'foreach') return { cluster: 'foreach' };
  if (n.name.startsWith('import.')) return { cluster: 'import' };
  if (n.kind === 'component') return { node: n.custom ? 'instance' : 'component' };
  if (n.name === 'argument' || n.name === 'export') return { node: n.name };
  return { node: 'config' };
}

/** A guess at the component id a dangling reference meant: `loki.write.nope` for `loki.write.nope.receiver`. */
function missingTarget(catalog: ComponentCatalog, parts: string[]): { id: string; name: string; exportName?: string } {
  for (let k = parts.length - 2; k >= 1; k--) {
    const name = parts.slice(0, k).join('.');
    if (catalog.component(name)) return { id: parts.slice(0, k + 1).join('.'), name, exportName: parts[k + 1] };
  }
  const k = parts.length >= 3 ? parts.length - 1 : parts.length;
  return { id: parts.slice(0, k).join('.'), name: parts.slice(0, Math.max(1, k - 1)).join('.') };
}

/**
 * Builds the graph model of an analysed configuration: components, the config
 * blocks that take part in data flow, declare/foreach/import clusters, and one
 * edge per reference in data-flow direction. Empty when a file did not parse.
 */
export function buildGraph(analysis: Analysis, catalog: ComponentCatalog): GraphModel {
  // The files that hold blocks (imported module sources, which the analyzer may add, hold none here).
  const withBlocks = new Set(analysis.graph?.nodes.map((n) => n.file));
  const all = [...analysis.sources.keys()];
  const files = withBlocks.size > 0 ? all.filter((f) => withBlocks.has(f)) : all;
  const model: GraphModel = { version: 1, files, nodes: [], clusters: [], edges: [] };
  if (!analysis.graph) return model;
  const scopes = new Scopes(analysis.graph);
  const edgeAt = new Map(analysis.graph.edges.map((e) => [`${e.file}\0${e.start}`, e]));
  const unknownAt = new Set(analysis.diagnostics.filter((d) => d.code === 'unknown-reference').map((d) => `${d.file}\0${d.start}`));
  const range = (file: string, start: number, end: number) => rangeOf(analysis.sources, file, start, end);

  const nodes = new Map<string, GraphNode>();
  const clusters = new Map<string, GraphCluster>();
  const pins = new Map<string, Pinnable>();
  for (const e of scopes.entries) {
    const n = e.node;
    const shape = shapeOf(e);
    const r = range(n.file, n.block.start, n.block.end);
    const cluster = e.scope || undefined;
    if ('cluster' in shape) {
      clusters.set(e.id, { id: e.id, kind: shape.cluster, name: n.name, label: n.label, range: r, cluster, instances: [] });
    } else {
      nodes.set(e.id, { id: e.id, kind: shape.node, name: n.name, label: n.label, range: r, cluster, signals: [] });
    }
    pins.set(e.id, { file: n.file, start: n.block.start, end: n.block.end });
  }

  // Instances belong to their definition; those of an imported module are drawn inside its cluster.
  for (const e of scopes.entries) {
    const node = nodes.get(e.id);
    if (node?.kind !== 'instance') continue;
    const def = scopes.definition(e.scope, e.node.name.split('.')[0]);
    const c = def && clusters.get(def.id);
    if (!c) continue;
    node.definition = c.id;
    c.instances.push(node.id);
    if (c.kind === 'import' && c.cluster === node.cluster) node.cluster = c.id;
  }

  const specOf = (e: Entry): BodySpec | undefined =>
    e.node.kind === 'component' ? (e.node.custom ? undefined : catalog.component(e.node.name)?.args) : catalog.block(e.node.name);
  const exportTypeOf = (target: Entry, exportName: string | undefined): string | undefined => {
    if (target.node.kind !== 'component' || target.node.custom || !exportName) return undefined;
    return catalog.component(target.node.name)?.exports.find((x) => x.name === exportName)?.type;
  };

  // How declared components use their arguments and exports, learned from their bodies (listed before their instances).
  const learned = new Map<string, Flow>();
  for (const e of scopes.entries) {
    const n = e.node;
    if (n.kind === 'declare') continue;
    for (const ref of referencesIn(n.block.body, n.kind === 'foreach' ? 'template' : undefined)) {
      const key = `${n.file}\0${ref.start}`;
      const hit = edgeAt.get(key);
      const parts = ref.traversal.map((i) => i.name);
      const attribute = ref.attribute.join('.');
      let target: string;
      let exportName: string | undefined;
      let exportType: string | undefined;
      let missing = false;
      if (hit) {
        const t = scopes.resolve(e.scope, hit.to);
        if (!t) continue;
        target = t.id;
        exportName = parts[hit.to.split('.').length];
        exportType = exportTypeOf(t, exportName);
      } else if (unknownAt.has(key)) {
        const guess = missingTarget(catalog, parts);
        target = `${e.scope ? e.scope + '/' : ''}missing:${guess.id}`;
        exportType = guess.exportName ? catalog.component(guess.name)?.exports.find((x) => x.name === guess.exportName)?.type : undefined;
        missing = true;
        if (!nodes.has(target)) {
          const label = guess.id.slice(guess.name.length + 1);
          nodes.set(target, { id: target, kind: 'missing', name: label ? guess.name : guess.id, label, cluster: e.scope || undefined, signals: [] });
        }
      } else {
        continue; // a stdlib function, a foreach variable, an argument of the module
      }
      const attrType = attributeType(specOf(e), ref.attribute);
      let f = classify(exportType, attrType, attribute, ref.text);
      if (!capsuleOf(exportType) && !capsuleOf(attrType)) {
        const usedDef = nodes.get(target)?.definition;
        const ownDef = nodes.get(e.id)?.definition;
        f = (usedDef && learned.get(`${usedDef}/export.${exportName}`)) || (ownDef && learned.get(`${ownDef}/argument.${ref.attribute[0]}`)) || f;
      }
      if (nodes.get(target)?.kind === 'argument') learned.set(target, f);
      if (nodes.get(e.id)?.kind === 'export') learned.set(e.id, f);
      const [from, to] = f.flow === 'push' ? [e.id, target] : [target, e.id];
      const edge: GraphEdge = { from, to, signal: f.signal, attribute, flow: f.flow, reference: ref.text, range: range(n.file, ref.start, ref.end) };
      if (missing) edge.missing = true;
      model.edges.push(edge);
    }
  }

  // Config blocks, arguments and exports are drawn only when data flows through them.
  const touched = new Set(model.edges.flatMap((e) => [e.from, e.to]));
  for (const [id, n] of nodes) {
    if ((n.kind === 'config' || n.kind === 'argument' || n.kind === 'export') && !touched.has(id)) nodes.delete(id);
  }
  for (const id of pins.keys()) if (!nodes.has(id) && !clusters.has(id)) pins.delete(id);
  pinDiagnostics(analysis.diagnostics, [...pins.values()]);
  for (const [id, p] of pins) {
    const el = nodes.get(id) ?? clusters.get(id);
    if (el && p.badge) el.badge = p.badge;
  }
  const signalsAt = new Map<string, Set<Signal>>();
  for (const e of model.edges) {
    for (const id of [e.from, e.to]) {
      let s = signalsAt.get(id);
      if (!s) signalsAt.set(id, (s = new Set()));
      s.add(e.signal);
    }
  }
  for (const n of nodes.values()) {
    const seen = signalsAt.get(n.id);
    n.signals = seen ? SIGNALS.filter((s) => seen.has(s)) : [];
  }
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const order = (a?: Range, b?: Range) =>
    (fileIndex.get(a?.file ?? '') ?? 1e9) - (fileIndex.get(b?.file ?? '') ?? 1e9) || (a?.start.offset ?? 0) - (b?.start.offset ?? 0);
  model.nodes = [...nodes.values()].sort((a, b) => order(a.range, b.range) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  model.clusters = [...clusters.values()].sort((a, b) => order(a.range, b.range));
  model.edges.sort((a, b) => order(a.range, b.range));
  return model;
}
