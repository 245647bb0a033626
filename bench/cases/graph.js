import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyze } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { buildGraph, toSvg } from '@alloy-lint/graph';
import { generateConfig } from '../generate.js';

/** Median ms of an async function, after warm-up, over at least `minRuns` runs and `minMs`. */
async function measureAsync(fn, { minRuns = 10, minMs = 2000, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  const begin = performance.now();
  while (times.length < minRuns || performance.now() - begin < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length >= 200) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The largest corpus file that parses, or a generated config when ../shared is absent. */
function input() {
  const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
  const results = `${shared}conformance/fmt/results.jsonl`;
  if (existsSync(results)) {
    let best;
    for (const line of readFileSync(results, 'utf8').split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line);
      if (!r.parses) continue;
      const bytes = readFileSync(`${shared}corpus/${r.path}`);
      if (!best || bytes.length > best.bytes.length) best = { name: r.path, bytes };
    }
    if (best) return best;
  }
  return { name: 'generated 2,500-line config', bytes: new TextEncoder().encode(generateConfig(2500)) };
}

export default async function graphRows() {
  const { name, bytes } = input();
  const catalog = loadSchemaCatalog('v1.18.1');
  const files = [{ name, text: bytes }];
  const analysis = analyze(files, { catalog, minStability: 'experimental', community: true });
  const model = buildGraph(analysis, catalog);
  const ms = await measureAsync(() => toSvg(model));
  const baselineMs = await measureAsync(async () => analyze(files, { catalog, minStability: 'experimental', community: true }));
  const lines = new TextDecoder().decode(bytes).split('\n').length - 1;
  return {
    context: { file: name, lines, nodes: model.nodes.length, edges: model.edges.length },
    rows: [
      {
        name: `graph (ELK layout + SVG) of ${name.split('/').pop()}, ${lines} lines, ${model.nodes.length} nodes, ${model.edges.length} edges`,
        ms,
        baseline: 'check (analyze) of the same file',
        baselineMs,
        ratio: ms / baselineMs,
      },
    ],
  };
}
