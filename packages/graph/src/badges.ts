import type { FileDiagnostic } from '@alloy-lint/analyzer';
import type { Badge } from './model.js';

/** Something diagnostics can be pinned on: a node or cluster and the bytes of its block. */
export interface Pinnable {
  file: string;
  start: number;
  end: number;
  badge?: Badge;
}

/**
 * Pins every diagnostic on the innermost block that contains it. Only counts
 * and codes are kept: messages can quote attribute values.
 */
export function pinDiagnostics(diagnostics: FileDiagnostic[], targets: Pinnable[]): void {
  const byFile = new Map<string, { t: Pinnable; i: number }[]>();
  targets.forEach((t, i) => {
    const list = byFile.get(t.file) ?? [];
    list.push({ t, i });
    byFile.set(t.file, list);
  });
  const diagsByFile = new Map<string, FileDiagnostic[]>();
  for (const d of diagnostics) {
    const list = diagsByFile.get(d.file) ?? [];
    list.push(d);
    diagsByFile.set(d.file, list);
  }
  for (const [file, diags] of diagsByFile) {
    // Blocks nest or are disjoint: a sweep over both sorted lists keeps the open blocks on a
    // stack, innermost on top (of equal ranges, the first target). Linear after sorting.
    const ts = (byFile.get(file) ?? []).sort((a, b) => a.t.start - b.t.start || b.t.end - a.t.end || b.i - a.i);
    const ds = [...diags].sort((a, b) => a.start - b.start);
    const open: Pinnable[] = [];
    let k = 0;
    for (const d of ds) {
      for (; k < ts.length && ts[k].t.start <= d.start; k++) {
        while (open.length > 0 && open[open.length - 1].end <= ts[k].t.start) open.pop();
        open.push(ts[k].t);
      }
      while (open.length > 0 && open[open.length - 1].end <= d.start) open.pop();
      const best = open[open.length - 1];
      if (best) pin(best, d);
    }
  }
}

function pin(best: Pinnable, d: FileDiagnostic): void {
  const b = (best.badge ??= { errors: 0, warnings: 0, infos: 0, codes: [] });
  if (d.severity === 'error') b.errors++;
  else if (d.severity === 'warning') b.warnings++;
  else b.infos++;
  if (!b.codes.includes(d.code)) {
    b.codes.push(d.code);
    b.codes.sort();
  }
}
