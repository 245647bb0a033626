import { buildGraph, render } from '@alloy-lint/graph';
import type { Location } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { toRange } from '../convert.js';
import type { GraphFormat } from '../types.js';

/**
 * The pipeline of the document's configuration, for the editor's graph view. The JSON form
 * is the graph package's model plus `uris` (the URI of each file name its ranges use) and
 * `locations` (the LSP location of each node and cluster id), so a click can open a block.
 */
export async function graphView(ctx: DocContext, format: GraphFormat = 'svg'): Promise<string> {
  const ga = ctx.ga;
  const catalog = ga.catalog ?? ctx.catalog;
  if (!catalog) return format === 'svg' ? '<svg xmlns="http://www.w3.org/2000/svg"/>' : '{}';
  const model = buildGraph(ga.analysis, catalog);
  if (format !== 'json') return render(model, format);
  const uris: Record<string, string> = {};
  for (const f of model.files) uris[f] = ga.uriOf(f) ?? f;
  const locations: Record<string, Location> = {};
  for (const n of [...model.nodes, ...model.clusters]) {
    const uri = n.range && ga.uriOf(n.range.file);
    const src = uri && ga.source(uri);
    if (src) locations[n.id] = { uri, range: toRange(src, n.range!.start.offset, n.range!.end.offset) };
  }
  return JSON.stringify({ ...model, uris, locations }, null, 2) + '\n';
}
