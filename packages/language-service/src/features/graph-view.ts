import { buildGraph, render } from '@alloy-lint/graph';
import type { DocContext } from '../context.js';
import type { GraphFormat } from '../types.js';

/**
 * The pipeline of the document's configuration, for the editor's graph view. The JSON form
 * is the graph package's model plus `uris`: the URI of each file name its ranges use, so a
 * click on a node can open its block.
 */
export async function graphView(ctx: DocContext, format: GraphFormat = 'svg'): Promise<string> {
  const ga = ctx.ga;
  const catalog = ga.catalog ?? ctx.catalog;
  if (!catalog) return format === 'svg' ? '<svg xmlns="http://www.w3.org/2000/svg"/>' : '{}';
  const model = buildGraph(ga.analysis, catalog);
  if (format !== 'json') return render(model, format);
  const uris: Record<string, string> = {};
  for (const f of model.files) uris[f] = ga.uriOf(f) ?? f;
  return JSON.stringify({ ...model, uris }, null, 2) + '\n';
}
