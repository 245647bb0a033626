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
  const byFile = new Map<string, Pinnable[]>();
  for (const t of targets) {
    const list = byFile.get(t.file) ?? [];
    list.push(t);
    byFile.set(t.file, list);
  }
  for (const d of diagnostics) {
    let best: Pinnable | undefined;
    for (const t of byFile.get(d.file) ?? []) {
      if (d.start < t.start || d.start >= t.end) continue;
      if (!best || t.end - t.start < best.end - best.start) best = t;
    }
    if (!best) continue;
    const b = (best.badge ??= { errors: 0, warnings: 0, infos: 0, codes: [] });
    if (d.severity === 'error') b.errors++;
    else if (d.severity === 'warning') b.warnings++;
    else b.infos++;
    if (!b.codes.includes(d.code)) {
      b.codes.push(d.code);
      b.codes.sort();
    }
  }
}
