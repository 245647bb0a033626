import type { ConfigGraph, GraphNode as AnalyzerNode } from '@alloy-lint/analyzer';

/** One analyzer node with its unique id and the scope it lives in. */
export interface Entry {
  node: AnalyzerNode;
  /** Unique id: the Alloy id, prefixed by the enclosing declare or foreach id and `/`. */
  id: string;
  /** Unique id of the enclosing declare or foreach, '' at top level. */
  scope: string;
}

/**
 * The analyzer's nodes with unique ids and Alloy's scoping rules: a `foreach`
 * template sees the blocks around it, a `declare` body only its own, and
 * both see the custom components declared around them.
 */
export class Scopes {
  readonly entries: Entry[] = [];
  private readonly byScope = new Map<string, Map<string, Entry>>();
  private readonly parentOf = new Map<string, { parent: string; isolated: boolean }>();

  constructor(graph: ConfigGraph) {
    // The analyzer lists a declare or foreach node, then everything inside it.
    const open: Entry[] = [];
    for (const node of graph.nodes) {
      if (node.parent === undefined) open.length = 0;
      else while (open.length > 0 && open[open.length - 1].node.id !== node.parent) open.pop();
      const scope = open.length > 0 ? open[open.length - 1].id : '';
      const entry: Entry = { node, id: scope ? `${scope}/${node.id}` : node.id, scope };
      this.entries.push(entry);
      const ids = this.byScope.get(scope) ?? new Map<string, Entry>();
      if (!ids.has(node.id)) ids.set(node.id, entry);
      this.byScope.set(scope, ids);
      if (node.kind === 'declare' || node.kind === 'foreach') {
        this.parentOf.set(entry.id, { parent: scope, isolated: node.kind === 'declare' });
        open.push(entry);
      }
    }
  }

  /** The block `id` (an Alloy id) as seen from `scope`, following references out of foreach templates. */
  resolve(scope: string, id: string): Entry | undefined {
    for (let s: string | undefined = scope; s !== undefined; ) {
      const found = this.byScope.get(s)?.get(id);
      if (found) return found;
      const p = this.parentOf.get(s);
      if (!p || p.isolated) return undefined;
      s = p.parent;
    }
    return undefined;
  }

  /** Every block visible from `scope` (the innermost first), as references see them. */
  visible(scope: string): Entry[] {
    const out: Entry[] = [];
    const seen = new Set<string>();
    for (let s: string | undefined = scope; s !== undefined; ) {
      for (const [id, e] of this.byScope.get(s) ?? []) {
        if (!seen.has(id)) {
          seen.add(id);
          out.push(e);
        }
      }
      const p = this.parentOf.get(s);
      if (!p || p.isolated) break;
      s = p.parent;
    }
    return out;
  }

  /** The innermost declare or foreach whose block holds `offset` of `file` ('' for top level). */
  scopeAt(file: string, offset: number): string {
    let best: Entry | undefined;
    for (const e of this.entries) {
      const k = e.node.kind;
      if ((k !== 'declare' && k !== 'foreach') || e.node.file !== file) continue;
      const b = e.node.block;
      if (offset > b.lcurly && offset <= b.rcurly && (!best || b.start >= best.node.block.start)) best = e;
    }
    return best?.id ?? '';
  }

  /** The `declare` or `import.*` block that defines the custom component namespace `ns`, as seen from `scope`. */
  definition(scope: string, ns: string): Entry | undefined {
    for (let s: string | undefined = scope; s !== undefined; s = this.parentOf.get(s)?.parent) {
      for (const e of this.byScope.get(s)?.values() ?? []) {
        if (e.node.label !== ns) continue;
        if (e.node.kind === 'declare' || e.node.name.startsWith('import.')) return e;
      }
    }
    return undefined;
  }
}
