// corpus-graph family: every corpus file that parses gives a graph (JSON model and SVG) without throwing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { buildGraph, toJson, toSvg } from '@alloy-lint/graph';
import { corpusResults } from './10-syntax.js';
import { tally } from './util.js';

/** Problems with a model's shape: dangling edge ends, unknown clusters, duplicate ids. */
function integrity(model) {
  const ids = new Set();
  for (const x of [...model.nodes, ...model.clusters]) {
    if (ids.has(x.id)) return `duplicate id ${x.id}`;
    ids.add(x.id);
  }
  const clusters = new Set(model.clusters.map((c) => c.id));
  for (const x of [...model.nodes, ...model.clusters]) if (x.cluster !== undefined && !clusters.has(x.cluster)) return `${x.id} in unknown cluster ${x.cluster}`;
  for (const e of model.edges) if (!ids.has(e.from) || !ids.has(e.to)) return `edge ${e.from} -> ${e.to} has an unknown end`;
  return '';
}

const corpusGraph = {
  name: 'corpus-graph',
  async run(dir) {
    const results = corpusResults(dir);
    if (!results) return undefined;
    const catalog = loadSchemaCatalog('v1.18.1');
    const t = tally();
    let nodes = 0;
    let edges = 0;
    let largest = { lines: 0, path: '', nodes: 0, edges: 0 };
    for (const r of results) {
      if (!r.parses) continue;
      const text = readFileSync(join(dir, 'corpus', r.path));
      let why = '';
      try {
        const analysis = analyze([{ name: r.path, text }], { catalog, minStability: 'experimental', community: true });
        const model = buildGraph(analysis, catalog);
        why = integrity(model);
        const json = JSON.parse(toJson(model));
        if (json.nodes.length !== model.nodes.length) why ||= 'JSON does not round-trip';
        const svg = await toSvg(model);
        if (!svg.startsWith('<svg') || !svg.trimEnd().endsWith('</svg>')) why ||= 'SVG is not one svg element';
        nodes += model.nodes.length;
        edges += model.edges.length;
        const lines = text.toString('utf8').split('\n').length - (text[text.length - 1] === 10 ? 1 : 0);
        if (lines > largest.lines) largest = { lines, path: r.path, nodes: model.nodes.length, edges: model.edges.length };
      } catch (e) {
        why = `threw ${e?.stack ?? e}`;
      }
      t.check(!why, `${r.path}: ${why}`);
    }
    t.note = `${nodes} nodes, ${edges} edges; largest file ${largest.path} (${largest.lines} lines): ${largest.nodes} nodes, ${largest.edges} edges`;
    return t;
  },
};

export const families = [corpusGraph];
