import type { Badge, GraphCluster, GraphEdge, GraphModel, GraphNode, NodeKind, Signal } from './model.js';
import { SIGNALS } from './model.js';

/**
 * What the renderers draw: the model with presentation decided once for all
 * formats. A declare with one instance is drawn as that instance, its
 * arguments and exports being where the instance's edges enter and leave.
 */
export interface View {
  nodes: ViewNode[];
  clusters: ViewCluster[];
  edges: ViewEdge[];
  /** Signals on at least one edge, in SIGNALS order. */
  signals: Signal[];
  /** True when some reference is unresolved (dashed edges). */
  missing: boolean;
}

export interface ViewNode {
  id: string;
  kind: NodeKind;
  /** First line: the block name (`loki.write`). */
  title: string;
  /** Second line: the label, quoted, or a note. */
  subtitle: string;
  signal: Signal;
  badge?: Badge;
  /** Id of the enclosing view cluster. */
  parent?: string;
}

export interface ViewCluster {
  id: string;
  /** `declare "x"`, `foreach "x"`, `import.file "x"`, or the instance a declare is drawn as. */
  title: string;
  /** Small caption above the title: `declare`, `foreach`, `module`. */
  caption: string;
  badge?: Badge;
  parent?: string;
}

export interface ViewEdge {
  id: string;
  from: string;
  to: string;
  signal: Signal;
  /** The attributes holding the references this edge stands for (parallel references share one edge). */
  labels: string[];
  dashed: boolean;
}

const CAPTIONS: Record<GraphCluster['kind'], (instances: number) => string> = {
  declare: (k) => `definition · ${k === 0 ? 'not used' : k === 1 ? '1 instance' : `${k} instances`}`,
  foreach: () => 'template · one copy per item',
  import: () => 'imported module',
};

const quote = (label: string) => (label ? `"${label}"` : '');

const NAMESPACE_SIGNAL: Record<string, Signal> = {
  loki: 'logs',
  prometheus: 'metrics',
  pyroscope: 'profiles',
  discovery: 'targets',
  otelcol: 'other',
};

/** The one signal a node is coloured by: the data it carries, else what its namespace suggests. */
function mainSignal(n: GraphNode): Signal {
  const data = n.signals.filter((s) => s !== 'targets' && s !== 'other');
  if (data.length === 1) return data[0];
  if (data.length > 1) return 'other';
  if (n.signals.length > 0) return n.signals[0];
  return NAMESPACE_SIGNAL[n.name.split('.')[0]] ?? 'other';
}

function mergeBadges(a?: Badge, b?: Badge): Badge | undefined {
  if (!a || !b) return a ?? b;
  return {
    errors: a.errors + b.errors,
    warnings: a.warnings + b.warnings,
    infos: a.infos + b.infos,
    codes: [...new Set([...a.codes, ...b.codes])].sort(),
  };
}

export function viewOf(model: GraphModel): View {
  const nodeById = new Map(model.nodes.map((n) => [n.id, n]));
  // Instances drawn as the cluster of their declare.
  const drawnAs = new Map<string, string>();
  for (const c of model.clusters) {
    if (c.kind !== 'declare' || c.instances.length !== 1) continue;
    const inst = nodeById.get(c.instances[0]);
    if (inst && inst.cluster === c.cluster) drawnAs.set(inst.id, c.id);
  }
  const instanceOf = new Map([...drawnAs].map(([inst, cid]) => [cid, inst]));
  const clusters: ViewCluster[] = model.clusters.map((c) => {
    const inst = instanceOf.get(c.id);
    const n = inst ? nodeById.get(inst)! : undefined;
    return {
      id: c.id,
      title: n ? `${n.name} ${quote(n.label)}`.trim() : `${c.name} ${quote(c.label)}`.trim(),
      caption: n ? `declare ${quote(c.label)}` : CAPTIONS[c.kind](c.instances.length),
      badge: mergeBadges(c.badge, n?.badge),
      parent: c.cluster,
    };
  });
  const nodes: ViewNode[] = model.nodes
    .filter((n) => !drawnAs.has(n.id))
    .map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.name,
      subtitle: n.kind === 'missing' ? `${quote(n.label)} not found`.trim() : quote(n.label),
      signal: mainSignal(n),
      badge: n.badge,
      parent: n.cluster,
    }));

  /** Where an edge end at a merged instance is drawn: the argument or export it passes through, else the cluster. */
  const endpoint = (id: string, e: GraphEdge, referencing: boolean): string => {
    const cid = drawnAs.get(id);
    if (!cid) return id;
    const n = nodeById.get(id)!;
    let inner: string;
    if (referencing) inner = `${cid}/argument.${e.attribute.split('.')[0]}`;
    else inner = `${cid}/export.${e.reference.split('.')[[n.name, n.label].join('.').split('.').length]}`;
    return nodeById.has(inner) ? inner : cid;
  };

  const edges: ViewEdge[] = [];
  const byKey = new Map<string, ViewEdge>();
  for (const e of model.edges) {
    const from = endpoint(e.from, e, e.flow === 'push');
    const to = endpoint(e.to, e, e.flow === 'pull');
    const key = `${from}\0${to}\0${e.signal}\0${Boolean(e.missing)}`;
    const same = byKey.get(key);
    if (same) {
      if (!same.labels.includes(e.attribute)) same.labels.push(e.attribute);
      continue;
    }
    const edge: ViewEdge = { id: `e${edges.length}`, from, to, signal: e.signal, labels: [e.attribute], dashed: Boolean(e.missing) };
    byKey.set(key, edge);
    edges.push(edge);
  }
  const used = new Set(edges.map((e) => e.signal));
  return { nodes, clusters, edges, signals: SIGNALS.filter((s) => used.has(s)), missing: model.edges.some((e) => e.missing) };
}
