import type { Block } from '@alloy-lint/parser';

/** One block of the configuration graph, as the lint rules and the graph view see it. */
export interface GraphNode {
  /** Node id as Alloy names it: `loki.write.default`, `logging`, `declare.mod`. */
  id: string;
  kind: 'component' | 'config' | 'service' | 'declare' | 'foreach';
  /** Block name: `loki.write`. */
  name: string;
  label: string;
  file: string;
  block: Block;
  /** Id of the enclosing declare or foreach, for nodes inside one. */
  parent?: string;
  /** True for components defined by a `declare` or an import. */
  custom?: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The reference as written: `loki.write.default.receiver`. */
  traversal: string;
  file: string;
  start: number;
  end: number;
}

export interface ConfigGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
