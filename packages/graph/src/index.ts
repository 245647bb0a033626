/** @alloy-lint/graph: the pipeline of an Alloy configuration as a JSON model, DOT, Mermaid and SVG. */
import { toDot } from './dot.js';
import { toJson } from './json.js';
import { toMermaid } from './mermaid.js';
import type { GraphModel } from './model.js';
import { type SvgOptions, toSvg } from './svg.js';

export type { Badge, ClusterKind, GraphCluster, GraphEdge, GraphModel, GraphNode, NodeKind, Range, Signal } from './model.js';
export { SIGNALS } from './model.js';
export { buildGraph } from './build.js';
export { Scopes, type Entry as ScopeEntry } from './scopes.js';
export { toDot, toJson, toMermaid, toSvg, type SvgOptions };

export const FORMATS = ['svg', 'dot', 'mermaid', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Renders the model in one of the output formats. */
export async function render(model: GraphModel, format: Format, opts: SvgOptions = {}): Promise<string> {
  switch (format) {
    case 'svg':
      return toSvg(model, opts);
    case 'dot':
      return toDot(model);
    case 'mermaid':
      return toMermaid(model);
    case 'json':
      return toJson(model);
  }
}
