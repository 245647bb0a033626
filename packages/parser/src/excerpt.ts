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
  /** Longest line shown, in characters; a longer one is cut around its caret with `…` (default: no limit). */
  maxWidth?: number;
  /** Most lines of a multi-line range shown; the middle ones are left out (default: no limit). */
  maxLines?: number;
}

// Control characters are shown as their control pictures (U+2400…), C1 controls and
// bidirectional overrides as U+FFFD: one character each, so carets stay aligned, and
// nothing in a source can move a terminal's cursor or reorder what it shows.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const picture = (c: string) => {
  const n = c.charCodeAt(0);
  return n < 0x20 ? String.fromCharCode(0x2400 + n) : n === 0x7f ? '\u2421' : '\ufffd';
};

/** Cuts `text` and its caret line to `max` characters around the caret. */
function cut(text: string, caret: string, max: number | undefined): [string, string] {
  const chars = [...text];
  if (max === undefined || chars.length <= max) return [text, caret];
  const marks = [...caret];
  let anchor = marks.findIndex((c) => c !== ' ' && c !== '_');
  if (anchor < 0) anchor = 0;
  const from = Math.max(0, Math.min(anchor - Math.floor(max / 3), chars.length - max));
  const to = from + max;
  const pre = from > 0 ? '…' : '';
  const post = to < chars.length ? '…' : '';
  return [pre + chars.slice(from, to).join('') + post, (pre ? ' ' : '') + marks.slice(from, to + (post ? 0 : 1)).join('')];
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
  const keep = style.maxLines ?? Infinity;
  for (let n = first; n <= last; n++) {
    // The middle of a long range: only its first and last lines are shown.
    if (last - first + 1 > keep && n === first + Math.ceil(keep / 2) && n < last - Math.floor(keep / 2)) {
      out.push(`${gutter(' '.repeat(width) + ' |')} ${multiline ? '| ' : ''}… ${last - Math.floor(keep / 2) - n} lines`);
      n = last - Math.floor(keep / 2) - 1;
      continue;
    }
    const text = source.lineText(n).replace(/\r/g, '');
    const inside = n > start.line && n <= end.line;
    const margin = multiline ? (inside ? '| ' : '  ') : '';
    const marked = n === start.line || (multiline && n === end.line);
    const [shown, caret] = cut(text.replace(/[\t\v]/g, TAB).replace(UNSAFE, picture), marked ? focus(text, n, start, end, multiline, style.caretPastEnd ?? true) : '', style.maxWidth);
    out.push(`${gutter(String(n).padStart(width) + ' |')} ${margin}${shown}`);
    if (marked) {
      const lead = multiline ? (n === start.line ? ' _' : '|_') : '';
      out.push(`${' '.repeat(width)}${gutter(' |')} ${mark(lead + caret)}`);
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
