import type { AttrSpec, ComponentCatalog } from '../schema.js';
import type { ConfigGraph, GraphNode } from '../graph-types.js';

const RECEIVER = /^capsule\((loki\.LogsReceiver|otelcol\.Consumer|storage\.Appendable|pyroscope\.Appendable)\)$/;

/** Whether an export type is something other components send data to. */
export const isReceiverType = (type: string) => RECEIVER.test(type);

const withExports = new WeakMap<ConfigGraph, { node: GraphNode; exports: AttrSpec[] }[]>();
const referenced = new WeakMap<ConfigGraph, Set<string>>();

/** Built-in components of the graph with their exports (computed once per graph). */
export function componentsWithExports(graph: ConfigGraph, catalog: ComponentCatalog): { node: GraphNode; exports: AttrSpec[] }[] {
  const hit = withExports.get(graph);
  if (hit) return hit;
  const out = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'component' || node.custom || !node.label) continue;
    const spec = catalog.component(node.name);
    if (!spec || spec.exports.length === 0) continue;
    out.push({ node, exports: spec.exports });
  }
  withExports.set(graph, out);
  return out;
}

/** Ids of the nodes something else references (computed once per graph). */
export function referencedIds(graph: ConfigGraph): Set<string> {
  let s = referenced.get(graph);
  if (!s) referenced.set(graph, (s = new Set(graph.edges.filter((e) => e.from !== e.to).map((e) => e.to))));
  return s;
}
