import type { Diagnostic, SourceFile } from '@alloy-lint/parser';

/** The diagnostics of one checked file. */
export interface FileReport {
  name: string;
  source: SourceFile;
  diagnostics: Diagnostic[];
  /** False when the file is not an Alloy source being checked: its lines are never quoted. */
  excerpt?: boolean;
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  hint?: string;
  fix?: { title: string; edits: { line: number; column: number; endLine: number; endColumn: number; text: string }[] };
}

/** Line and byte column as Alloy prints them; the end is exclusive. */
export function toJson(r: FileReport, d: Diagnostic): JsonDiagnostic {
  const s = r.source.position(d.start);
  const e = r.source.position(Math.max(d.end, d.start));
  return {
    file: r.name,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.fix
      ? {
          fix: {
            title: d.fix.title,
            edits: d.fix.edits.map((x) => {
              const a = r.source.position(x.start);
              const b = r.source.position(x.end);
              return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, text: x.text };
            }),
          },
        }
      : {}),
  };
}
