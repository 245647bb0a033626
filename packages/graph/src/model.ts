/**
 * The graph model: the pipeline of one Alloy configuration as plain JSON data.
 * Every output format (JSON, DOT, Mermaid, SVG) renders this model; nothing in
 * it holds an attribute value, so secrets cannot leak into any of them.
 */

/** What travels along an edge. */
export type Signal = 'logs' | 'metrics' | 'traces' | 'profiles' | 'targets' | 'other';

export const SIGNALS: readonly Signal[] = ['logs', 'metrics', 'traces', 'profiles', 'targets', 'other'];

/** A byte range in one file, with 1-based line and byte column of both ends (end exclusive). */
export interface Range {
  file: string;
  start: { offset: number; line: number; column: number };
  end: { offset: number; line: number; column: number };
}

/** Diagnostics found inside a node's block, counted; messages are left out (they may quote values). */
export interface Badge {
  errors: number;
  warnings: number;
  infos: number;
  /** Distinct diagnostic codes, sorted: `unknown-reference`, `type-mismatch`, ... */
  codes: string[];
}

export type NodeKind =
  /** A built-in component: `loki.write "default"`. */
  | 'component'
  /** An instance of a component defined by a `declare` block or an imported module. */
  | 'instance'
  /** `argument "x"` or `export "x"` inside a module. */
  | 'argument'
  | 'export'
  /** Another top-level block that references or is referenced (`logging`, `tracing`, services). */
  | 'config'
  /** The target of a reference that resolves to nothing in scope. */
  | 'missing';

export interface GraphNode {
  /** Unique id. Alloy's id (`loki.write.default`) at top level; inside a cluster prefixed by the cluster id and `/`. */
  id: string;
  kind: NodeKind;
  /** Block name: `loki.write`; for missing nodes the component name when the catalog knows it. */
  name: string;
  /** Block label (`default`), or '' for unlabelled blocks. */
  label: string;
  /** Where the block is written; absent for missing nodes. */
  range?: Range;
  /** Id of the enclosing cluster. */
  cluster?: string;
  /** For instances: id of the cluster of their definition (`declare.x` or `import.file.x`), when it is in this config. */
  definition?: string;
  /** Signals on the node's edges, in SIGNALS order. */
  signals: Signal[];
  badge?: Badge;
}

export type ClusterKind = 'declare' | 'foreach' | 'import';

/** A group of nodes: a `declare` body, a `foreach` template, or the instances of an imported module. */
export interface GraphCluster {
  /** Unique id, built like node ids: `declare.name`, `foreach.name`, `import.file.name`. */
  id: string;
  kind: ClusterKind;
  /** Block name: `declare`, `foreach`, `import.file`, ... */
  name: string;
  label: string;
  range: Range;
  /** Id of the enclosing cluster. */
  cluster?: string;
  /** Ids of the instance nodes of a declare or import (the components it defines, used in this config). */
  instances: string[];
  badge?: Badge;
}

/**
 * One reference, in data-flow direction: `from` produces, `to` consumes.
 * For `flow: 'push'` the referencing block is `from` (it forwards to a
 * receiver it names: `forward_to`, `output { traces }`, `write_to`); for
 * `flow: 'pull'` the referencing block is `to` (it reads the export it names:
 * `targets`, `rules`, auth handlers, plain values).
 */
export interface GraphEdge {
  /** Id of a node or cluster. */
  from: string;
  to: string;
  signal: Signal;
  /** Attribute holding the reference, with enclosing blocks: `forward_to`, `output.traces`, `client.auth`. */
  attribute: string;
  flow: 'push' | 'pull';
  /** The reference as written: `loki.write.default.receiver`. */
  reference: string;
  /** Where the reference is written. */
  range: Range;
  /** True when the reference resolves to nothing (the edge ends at a `missing` node). */
  missing?: boolean;
}

export interface GraphModel {
  /** Format version of this model. */
  version: 1;
  /** Files of the configuration that hold blocks, in the order given. */
  files: string[];
  nodes: GraphNode[];
  clusters: GraphCluster[];
  edges: GraphEdge[];
}
