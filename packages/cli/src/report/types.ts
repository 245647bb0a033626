import type { Diagnostic, SourceFile } from '@alloy-lint/parser';

/** The diagnostics of one checked file. */
export interface FileReport {
  name: string;
  source: SourceFile;
  diagnostics: Diagnostic[];
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
  };
}
