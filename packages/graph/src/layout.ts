import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { clusterMinWidth, GEOMETRY, type Laid, nodeSize } from './geometry.js';
import { simpleLayout } from './simple-layout.js';
import { monoWidth } from './text.js';
import type { View, ViewCluster, ViewNode } from './view.js';

export { GEOMETRY, type Laid } from './geometry.js';

const G = GEOMETRY;

/**
 * The largest view ELK lays out: its layered layout grows faster than linearly (on this
 * project's bench machine, 170 nodes take about 1 s and 835 nodes 23 s). Past it the
 * simple layout (simple-layout.ts) draws the graph in linear time.
 */
export const ELK_BUDGET = { boxes: 250, edges: 500 };

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '12',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '36',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

// elkjs (1.5 MB) loads on the first layout, so bundles that can draw a graph (the playground's
// worker) start without it. It is CommonJS; its constructor arrives as the module or its `default`.
type ElkConstructor = new () => ElkApi;
const loadElk = async (): Promise<ElkApi> => {
  const m = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default?: ElkConstructor };
  return new (m.default ?? (m as unknown as ElkConstructor))();
};
let engine: ElkApi | undefined;

/** Lays the view out: with ELK within its budget, else with the simple layered layout. */
export async function layout(view: View): Promise<Laid> {
  const boxes = view.nodes.length + view.clusters.length;
  if (boxes <= ELK_BUDGET.boxes && view.edges.length <= ELK_BUDGET.edges) return elkLayout(view);
  const laid = simpleLayout(view);
  laid.note =
    `${boxes.toLocaleString('en')} nodes and clusters, ${view.edges.length.toLocaleString('en')} edges: past the budget of the ELK layout ` +
    `(${ELK_BUDGET.boxes} and ${ELK_BUDGET.edges}), drawn with a simple layered layout without edge labels; --format dot or json give the whole graph to other tools`;
  return laid;
}

/** ELK: layered, left to right, ports on the sides, orthogonal edges. */
async function elkLayout(view: View): Promise<Laid> {
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '\0root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const clusterIds = new Set(view.clusters.map((c) => c.id));
  for (const c of view.clusters) {
    elkNodes.set(c.id, {
      id: c.id,
      children: [],
      layoutOptions: {
        'elk.padding': `[top=${G.clusterTop},left=${G.clusterPad},bottom=${G.clusterPad},right=${G.clusterPad}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${clusterMinWidth(c)},${G.clusterTop + 24})`,
      },
    });
  }
  for (const n of view.nodes) {
    const { w, h } = nodeSize(n);
    elkNodes.set(n.id, { id: n.id, width: w, height: h, ports: [], layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE' } });
  }
  const place = (id: string, parent: string | undefined) => {
    const p = parent !== undefined ? elkNodes.get(parent) : undefined;
    (p ?? root).children!.push(elkNodes.get(id)!);
  };
  for (const c of view.clusters) place(c.id, c.parent !== undefined && elkNodes.has(c.parent) ? c.parent : undefined);
  for (const n of view.nodes) place(n.id, n.parent !== undefined && elkNodes.has(n.parent) ? n.parent : undefined);

  // One port per side and signal: edges of one colour join, edges of different colours stay apart.
  const end = (id: string, signal: string, side: 'EAST' | 'WEST') => {
    if (clusterIds.has(id)) return id;
    const port = `${id}\0${side}\0${signal}`;
    const ports = elkNodes.get(id)!.ports!;
    if (!ports.some((p) => p.id === port)) ports.push({ id: port, width: 1, height: 1, layoutOptions: { 'elk.port.side': side } });
    return port;
  };
  for (const e of view.edges) {
    const width = e.labels.reduce((w, l) => Math.max(w, monoWidth(l, G.labelSize)), -Infinity) + 8;
    const label = { text: e.labels.join('\n'), width, height: G.labelHeight + (e.labels.length - 1) * G.labelLine, layoutOptions: { 'elk.edgeLabels.inline': 'true' } };
    const edge: ElkExtendedEdge = { id: e.id, sources: [end(e.from, e.signal, 'EAST')], targets: [end(e.to, e.signal, 'WEST')], labels: [label] };
    root.edges!.push(edge);
  }

  engine ??= await loadElk();
  const out = await engine.layout(root);

  const laid: Laid = { width: out.width ?? 0, height: out.height ?? 0, nodes: [], clusters: [], edges: [] };
  const abs = new Map<string, { x: number; y: number }>([['\0root', { x: 0, y: 0 }]]);
  const byId = new Map<string, ViewNode | ViewCluster>([...view.nodes, ...view.clusters].map((x) => [x.id, x]));
  const walk = (n: ElkNode, ox: number, oy: number, depth: number) => {
    for (const c of n.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      abs.set(c.id, { x, y });
      const box = { x, y, w: c.width ?? 0, h: c.height ?? 0 };
      if (clusterIds.has(c.id)) laid.clusters.push({ ...box, cluster: byId.get(c.id) as ViewCluster, depth });
      else laid.nodes.push({ ...box, node: byId.get(c.id) as ViewNode });
      walk(c, x, y, depth + 1);
    }
  };
  walk(out, 0, 0, 0);
  laid.clusters.sort((a, b) => a.depth - b.depth);
  const viewEdge = new Map(view.edges.map((e) => [e.id, e]));
  for (const e of out.edges ?? []) {
    const o = abs.get((e as { container?: string }).container ?? '\0root') ?? { x: 0, y: 0 };
    const points: { x: number; y: number }[] = [];
    for (const s of e.sections ?? []) {
      for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) points.push({ x: o.x + p.x, y: o.y + p.y });
    }
    const l = e.labels?.[0];
    const label = l ? { x: o.x + (l.x ?? 0), y: o.y + (l.y ?? 0), w: l.width ?? 0, h: l.height ?? 0 } : undefined;
    laid.edges.push({ edge: viewEdge.get(e.id)!, points, label });
  }
  return laid;
}
