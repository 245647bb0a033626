import type { FileDiagnostic } from '@alloy-lint/analyzer';
import type { Edit, SourceFile } from '@alloy-lint/parser';
import {
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';

/**
 * The only place that turns byte offsets into LSP positions (0-based line, UTF-16
 * character) and back. Lines end at `\n`, as Alloy counts them.
 */
export function toPosition(src: SourceFile, offset: number): Position {
  const o = Math.min(Math.max(offset, 0), src.bytes.length);
  const line = src.lineIndex(o);
  return { line, character: src.utf16Offset(o) - src.utf16Offset(src.lineStarts[line]) };
}

export function toRange(src: SourceFile, start: number, end: number): Range {
  return { start: toPosition(src, start), end: toPosition(src, Math.max(start, end)) };
}

/** Byte offset of an LSP position; past the end of a line means its end. */
export function toOffset(src: SourceFile, pos: Position): number {
  const starts = src.lineStarts;
  if (pos.line < 0) return 0;
  if (pos.line >= starts.length) return src.bytes.length;
  const start = starts[pos.line];
  const end = pos.line + 1 < starts.length ? starts[pos.line + 1] - 1 : src.bytes.length;
  const b = src.bytes;
  let units = 0;
  let i = start;
  while (i < end && units < pos.character) {
    const c = b[i];
    const w = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    units += w === 4 ? 2 : 1;
    i += w;
  }
  return Math.min(i, end);
}

export function toTextEdit(src: SourceFile, e: Edit): TextEdit {
  return { range: toRange(src, e.start, e.end), newText: e.text };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Codes whose findings are about code that does nothing (shown faded by editors). */
const UNNECESSARY = new Set(['unused-output']);

/**
 * An analyzer diagnostic as LSP's. `locate` gives the source and URI of another file of
 * the configuration, for related locations.
 */
export function toDiagnostic(src: SourceFile, d: FileDiagnostic, locate: (file: string) => { uri: string; source: SourceFile } | undefined): Diagnostic {
  const out: Diagnostic = {
    range: toRange(src, d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'alloy-lint',
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
  };
  if (UNNECESSARY.has(d.code)) out.tags = [DiagnosticTag.Unnecessary];
  if (d.code === 'deprecated-function') out.tags = [DiagnosticTag.Deprecated];
  const related = (d.related ?? []).flatMap((r) => {
    const at = locate(r.file);
    return at ? [{ location: { uri: at.uri, range: toRange(at.source, r.start, r.end) }, message: r.message }] : [];
  });
  if (related.length) out.relatedInformation = related;
  return out;
}
