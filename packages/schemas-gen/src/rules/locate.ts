// Finds every catalogue check in one release's source, each on a line of its own: first the same
// code (in order where several checks share it), then the message as written, then the closest
// code of the same shape (a reworded message), best matches first.
import type { CatalogueCheck } from './checks.js';
import type { Found, GoTree } from './source.js';

export interface Where {
  found: Found;
  /** The code line is the reference's, literals and all. */
  exact: boolean;
}

export function locateAll(checks: CatalogueCheck[], tree: GoTree): Map<string, Where> {
  const where = new Map<string, Where>();
  const taken = new Set<string>();
  const take = (c: CatalogueCheck, found: Found, exact: boolean) => {
    where.set(c.id, { found, exact });
    taken.add(`${found.file}:${found.line}`);
  };
  // 1. The same code, its occurrences taken in order.
  const groups = new Map<string, CatalogueCheck[]>();
  for (const c of checks) {
    const k = `${c.source.file}\u0000${c.source.code.trim().replace(/\s+/g, ' ')}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const group of groups.values()) {
    const file = group[0].source.file;
    const lines = tree.codeLines(file, group[0].source.code);
    // Checks on one reference line share it; distinct reference lines take distinct occurrences in order.
    const refs = [...new Set(group.map((c) => c.source.line))].sort((a, b) => a - b);
    const offset = lines.length >= refs.length ? bestOffset(refs, lines) : 0;
    refs.forEach((ref, i) => {
      const line = lines[i + offset];
      if (line !== undefined) for (const c of group) if (c.source.line === ref) take(c, { file, line }, true);
    });
  }
  // 2. The message as written, anywhere in the package.
  for (const c of checks) {
    if (where.has(c.id) || !c.message || !tree.lines(c.source.file)) continue;
    const lit = tree.findLiteral(tree.packageFiles(c.source.messageIn ?? c.source.file), c.message);
    if (lit && !taken.has(`${lit.file}:${lit.line}`)) take(c, lit, false);
  }
  // 3. Code of the same shape that reads alike, best score first.
  const cands = checks
    .filter((c) => !where.has(c.id))
    .flatMap((c) => tree.similarLines(c.source.file, c.source.code).map((m) => ({ c, ...m })))
    .sort((a, b) => b.score - a.score || Math.abs(a.line - a.c.source.line) - Math.abs(b.line - b.c.source.line));
  for (const m of cands) {
    const key = `${m.c.source.file}:${m.line}`;
    if (where.has(m.c.id) || taken.has(key)) continue;
    take(m.c, { file: m.c.source.file, line: m.line }, false);
  }
  return where;
}

/** The shift of `found` (sorted lines) that puts `refs` closest to them, keeping order. */
function bestOffset(refs: number[], found: number[]): number {
  let best = 0;
  let bestCost = Infinity;
  for (let o = 0; o + refs.length <= found.length; o++) {
    const cost = refs.reduce((sum, r, i) => sum + Math.abs(found[i + o] - r), 0);
    if (cost < bestCost) [best, bestCost] = [o, cost];
  }
  return best;
}
