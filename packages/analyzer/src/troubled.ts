// Which blocks Alloy refuses, and their neighbours: advice about a block next to an error
// (nothing forwards to it, nobody reads it) is knock-on noise and is not reported.
import type { FileDiagnostic } from './diagnostic.js';
import { distance } from './suggest.js';
import type { ConfigGraph } from './graph-types.js';

/**
 * Ids of the blocks wired to a block that holds an error (either direction), and of the likely
 * targets of references that do not resolve. The erring block itself is not included: its own
 * advice is not a consequence of its error.
 */
export function troubledIds(graph: ConfigGraph, diags: FileDiagnostic[]): Set<string> {
  const errors = diags.filter((d) => d.severity === 'error');
  const out = new Set<string>();
  if (errors.length === 0) return out;
  const erring = new Set<string>();
  for (const d of errors) {
    for (const n of graph.nodes) {
      if (n.file === d.file && n.block.start <= d.start && d.start <= n.block.rcurly) erring.add(n.id);
    }
    if (d.code === 'unknown-reference') for (const id of likelyTargets(graph, d.message)) out.add(id);
    // What the error points at (a block that would fit, the first of two duplicates) is wired to it too.
    for (const r of d.related ?? []) {
      for (const n of graph.nodes) if (n.file === r.file && n.block.start <= r.start && r.start <= n.block.rcurly) out.add(n.id);
    }
  }
  for (const e of graph.edges) {
    if (e.from === e.to) continue;
    if (erring.has(e.from)) out.add(e.to);
    if (erring.has(e.to)) out.add(e.from);
  }
  return out;
}

/** Nodes whose id is close to the start of a reference that did not resolve (`loki.writ.x.receiver`). */
function likelyTargets(graph: ConfigGraph, message: string): string[] {
  const text = /^component "(.*)" does not exist/.exec(message)?.[1];
  if (!text) return [];
  const parts = text.split('.');
  const out: string[] = [];
  for (const n of graph.nodes) {
    const k = n.id.split('.').length;
    if (k > parts.length) continue;
    const prefix = parts.slice(0, k).join('.');
    if (distance(prefix, n.id, 3) <= Math.max(1, Math.min(3, Math.floor(n.id.length / 4)))) out.push(n.id);
  }
  return out;
}
