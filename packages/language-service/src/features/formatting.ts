import { printFile } from '@alloy-lint/formatter';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';

/** Lines [start, end) of the old text replaced by `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

const key = (l: string) => l.replace(/\s+/g, '');

/**
 * Pairs the lines of the old and the formatted text. The formatter only moves white space,
 * so lines pair up by their text without blanks; unpaired blank lines are removed or
 * inserted; anything else ends the pairing in one last hunk.
 */
function hunks(a: string[], b: string[]): Hunk[] {
  const out: Hunk[] = [];
  const push = (start: number, end: number, lines: string[]) => {
    const last = out.at(-1);
    if (last && last.end === start) {
      last.end = end;
      for (const l of lines) last.lines.push(l);
    } else out.push({ start, end, lines });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (key(a[i]) === key(b[j])) push(i++, i, [b[j++]]);
    else if (key(a[i]) === '') push(i++, i, []);
    else if (key(b[j]) === '') push(i, i, [b[j++]]);
    else {
      push(i, a.length, b.slice(j));
      return out;
    }
  }
  if (i < a.length || j < b.length) push(i, a.length, b.slice(j));
  return out;
}

/**
 * The formatter's output (what `alloy fmt` prints) as edits of the lines that change; none
 * when the document has syntax errors. With a range, the edits that touch its lines.
 */
export function format(ctx: DocContext, range?: Range): TextEdit[] {
  const { ast, diagnostics, source } = ctx.parsed;
  if (diagnostics.length > 0) return [];
  const formatted = printFile(ast, source) + '\n';
  const old = ctx.text;
  if (formatted === old) return [];
  // Lines with their newlines, so that a hunk replaces whole lines.
  const a = old.split(/(?<=\n)/);
  const b = formatted.split(/(?<=\n)/);
  const tail = old.split('\n');
  const endOfText = { line: tail.length - 1, character: tail[tail.length - 1].length };
  return hunks(a, b)
    .filter((h) => !range || (h.start <= range.end.line && Math.max(h.end - 1, h.start) >= range.start.line))
    .map((h) => ({
      range: { start: { line: h.start, character: 0 }, end: h.end < a.length ? { line: h.end, character: 0 } : endOfText },
      newText: h.lines.join(''),
    }));
}
