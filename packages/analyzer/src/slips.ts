// Hints for typical slips from other config languages: `#` comments, `key: value`, and
// regular expressions with `\` escapes in double-quoted strings.
import type { Diagnostic, SourceFile } from '@alloy-lint/parser';

const HASH = 0x23;
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const NL = 0x0a;

/** Adds a hint (and a fix where it is safe) to a syntax error caused by a typical slip. */
export function hintSyntax(src: SourceFile, d: Diagnostic): void {
  const b = src.bytes;
  if (d.message.startsWith('illegal character U+0023')) {
    d.hint = 'comments start with // (or /* … */) in Alloy, not #';
    d.fix = { title: 'Use // for the comment', edits: [{ start: d.start, end: d.start + 1, text: '//' }] };
  } else if (d.message.startsWith('illegal character U+003A') && b[d.start] === COLON) {
    d.hint = 'attributes are written name = value, not name: value';
    d.fix = { title: 'Use =', edits: [{ start: d.start, end: d.start + 1, text: b[d.start - 1] === 0x20 ? '=' : ' =' }] };
  } else if (d.message === 'unknown escape sequence') {
    const lit = stringAround(b, src.lineStarts[src.lineIndex(d.start)], d.start);
    if (lit) {
      const raw = new TextDecoder().decode(b.subarray(lit.start + 1, lit.end - 1));
      // RE2 has no \u escapes, so a string with them is left as it is.
      if (!raw.includes('`') && !raw.includes('\\"') && !/\\[uU]/.test(raw.replace(/\\\\/g, ''))) {
        const text = '`' + raw.replace(/\\\\/g, '\\') + '`';
        d.fix = { title: 'Use a backtick string', edits: [{ start: lit.start, end: lit.end, text }] };
      }
    }
    // The hint shows a made-up example: the string itself may be a secret.
    d.hint = 'a \\ in a double-quoted string starts an escape; write regular expressions in backticks, where \\ is taken literally: `^\\d+$`';
  }
}

/** The double-quoted string on the line starting at `lineStart` that contains `offset`: [start, end) with quotes. */
function stringAround(b: Uint8Array, lineStart: number, offset: number): { start: number; end: number } | undefined {
  let start = -1;
  for (let i = lineStart; i < b.length && b[i] !== NL; i++) {
    const c = b[i];
    if (start < 0) {
      if (c === QUOTE) start = i;
      else if (c === BACKTICK || (c === 0x2f && b[i + 1] === 0x2f) || c === HASH) return undefined;
    } else if (c === BACKSLASH) {
      i++;
    } else if (c === QUOTE) {
      if (start < offset && offset < i) return { start, end: i + 1 };
      start = -1;
    }
  }
  return undefined;
}
