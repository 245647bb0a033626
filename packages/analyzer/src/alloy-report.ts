import type { SourceFile } from '@alloy-lint/parser';
import type { FileDiagnostic } from './diagnostic.js';

/**
 * Prints diagnostics exactly as `alloy validate` does (no colour): a header,
 * one line of context on each side and a marker line under the range.
 */
export function alloyReport(diags: FileDiagnostic[], sources: Map<string, SourceFile>): string {
  const parts: string[] = [];
  for (const d of diags) {
    const src = sources.get(d.file);
    const sev = d.severity === 'error' ? 'Error: ' : d.severity === 'warning' ? 'Warning: ' : '';
    const start = src ? src.position(d.start) : { line: 0, column: 0 };
    let text = `${sev}${d.file}:${start.line}:${start.column}: ${d.message}\n`;
    if (src) text += range(src, d);
    parts.push(text);
  }
  return parts.join('\n');
}

function range(src: SourceFile, d: FileDiagnostic): string {
  const start = src.position(d.start);
  const end = src.position(Math.max(d.start, d.end - 1));
  const lines = src.text.split('\n');
  const first = Math.max(start.line - 1, 1);
  const last = Math.min(end.line + 1, lines.length);
  const multiline = end.line > start.line;
  const width = String(last).length;
  let out = '\n';
  for (let n = first; n <= last; n++) {
    const line = lines[n - 1];
    out += String(n).padStart(width) + ' | ';
    if (multiline) out += within(n, 0, start, end) ? '| ' : '  ';
    for (const ch of line) {
      if (ch === '\r') continue;
      out += ch === '\t' || ch === '\v' ? '    ' : ch;
    }
    out += '\n';
    if (n === start.line || (multiline && n === end.line)) {
      out += ' '.repeat(width);
      out += multiline ? (n === start.line ? ' |  _' : ' | |_') : ' | ';
      out += focus(line, n, start, end, multiline) + '\n';
    }
  }
  return out;
}

function focus(line: string, n: number, start: { line: number; column: number }, end: { line: number; column: number }, multiline: boolean): string {
  const blank = multiline ? '_' : ' ';
  let out = '';
  let col = 1;
  for (const ch of line) {
    if (n === end.line && col > end.column) break;
    if (ch === '\t' || ch === '\v') out += blank.repeat(4);
    else if (within(n, col, start, end)) out += '^';
    else out += blank;
    const cp = ch.codePointAt(0)!;
    col += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return out;
}

function within(n: number, col: number, start: { line: number; column: number }, end: { line: number; column: number }): boolean {
  if (n < start.line || n > end.line) return false;
  if (n === start.line) return col >= start.column && (n !== end.line || col <= end.column);
  if (n === end.line) return col <= end.column;
  return true;
}
