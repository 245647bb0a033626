import { byteLength as utf8Length, runeLen } from '@alloy-lint/gostd';
import type { Diagnostic } from './diagnostic.js';
import type { SourceFile } from './source-file.js';

export interface ExcerptStyle {
  /** Colours the caret line. */
  mark?: (s: string) => string;
  /** Colours the line-number gutter. */
  gutter?: (s: string) => string;
  /** Put a caret after the line when the position is past its end (default true; Alloy does not). */
  caretPastEnd?: boolean;
}

const TAB = '    ';

/**
 * Renders the source lines around a diagnostic with a caret line under its
 * range, in the layout of Alloy's diagnostic printer: one line of context on
 * each side, a right-aligned line-number gutter, tabs shown as four spaces.
 * Unlike Alloy, a position just past the end of a line still gets a caret.
 */
export function renderExcerpt(source: SourceFile, d: Diagnostic, style: ExcerptStyle = {}): string {
  const mark = style.mark ?? ((s: string) => s);
  const gutter = style.gutter ?? ((s: string) => s);
  const start = source.position(d.start);
  const endOffset = Math.max(d.start, d.end - 1);
  const end = source.position(endOffset);
  const lineCount = source.lineStarts.length;
  const first = Math.max(start.line - 1, 1);
  const last = Math.min(end.line + 1, lineCount);
  const width = String(last).length;
  const multiline = end.line > start.line;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = source.lineText(n).replace(/\r/g, '');
    const inside = n > start.line && n <= end.line;
    const margin = multiline ? (inside ? '| ' : '  ') : '';
    out.push(`${gutter(String(n).padStart(width) + ' |')} ${margin}${text.replace(/[\t\v]/g, TAB)}`);
    if (n === start.line || (multiline && n === end.line)) {
      const lead = multiline ? (n === start.line ? ' _' : '|_') : '';
      out.push(`${' '.repeat(width)}${gutter(' |')} ${mark(lead + focus(text, n, start, end, multiline, style.caretPastEnd ?? true))}`);
    }
  }
  return out.join('\n');
}

function focus(
  text: string,
  line: number,
  start: { line: number; column: number },
  end: { line: number; column: number },
  multiline: boolean,
  pastEnd: boolean,
): string {
  const byteLength = utf8Length(text);
  const blank = multiline ? '_' : ' ';
  let s = '';
  let col = 1;
  for (const ch of text) {
    if (line === end.line && col > end.column) break;
    if (ch === '\t' || ch === '\v') s += blank.repeat(4);
    else if (inRange(line, col, start, end)) s += '^';
    else s += blank;
    col += Math.max(1, runeLen(ch.codePointAt(0)!));
  }
  // A point at or past the end of the line (a missing token at a newline).
  if (pastEnd && line === start.line && start.column > byteLength && (!multiline || line === end.line)) {
    s += ' '.repeat(Math.max(0, start.column - 1 - byteLength)) + '^';
  }
  return s;
}

function inRange(line: number, col: number, start: { line: number; column: number }, end: { line: number; column: number }): boolean {
  if (line < start.line || line > end.line) return false;
  if (line === start.line && col < start.column) return false;
  if (line === end.line && col > end.column) return false;
  return true;
}
