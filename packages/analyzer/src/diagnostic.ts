import type { Diagnostic, SourceFile } from '@alloy-lint/parser';

/** A diagnostic tied to one file of a configuration. */
export interface FileDiagnostic extends Diagnostic {
  file: string;
  /** Another place that explains this one (the first definition of a duplicate, ...). */
  related?: { file: string; start: number; end: number; message: string }[];
}

export type Sources = Map<string, SourceFile>;

/**
 * Builds a diagnostic from Alloy-style positions: `start` and an inclusive
 * `endInclusive` byte offset (Alloy's EndPos); stored with an exclusive end.
 */
export function diag(file: string, code: string, message: string, start: number, endInclusive = start, severity: Diagnostic['severity'] = 'error'): FileDiagnostic {
  return { file, code, message, severity, start, end: Math.max(endInclusive + 1, start) };
}

/** Appends every item, one by one: `out.push(...items)` overflows the stack past ~120k items. */
export function pushAll<T>(out: T[], items: readonly T[]): T[] {
  for (const x of items) out.push(x);
  return out;
}
