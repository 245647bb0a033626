import type { CST } from 'yaml';
import { type Piece, push } from './pieces.js';

/** How a scalar is written in the YAML file. */
export type ScalarStyle = 'literal' | 'folded' | 'plain' | 'single-quoted' | 'double-quoted';

export interface DecodedScalar {
  style: ScalarStyle;
  /** The scalar's value, as YAML defines it. */
  value: string;
  /** `value` as pieces of the YAML text (UTF-16 offsets). */
  pieces: Piece[];
  /** Block scalars: the header (`|-`, `|2+`...), where content lines start, their indentation. */
  block?: { header: string; chomp: '' | '-' | '+'; indicator: number; indent: number; contentStart: number; contentEnd: number };
}

/** Builds pieces while decoding; offsets are absolute in the YAML text. */
class Out {
  pieces: Piece[] = [];
  value = '';
  constructor(readonly src: string) {}
  copy(from: number, to: number): void {
    if (to <= from) return;
    const text = this.src.slice(from, to);
    push(this.pieces, { text, from, to, kind: 'copy' });
    this.value += text;
  }
  /** `text` produced by the YAML in `[from, to)`; a single '\n' from '\n' is a copy. */
  made(text: string, from: number, to: number): void {
    if (text.length === to - from && text === this.src.slice(from, to)) return this.copy(from, to);
    this.pieces.push({ text, from, to, kind: 'decoded' });
    this.value += text;
  }
}

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Leading spaces. */
  indent: number;
  /** End of the content, before '\r\n' or '\n' (or the end of the scalar). */
  end: number;
  /** End of the line including its break. */
  next: number;
}

function splitLines(src: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let s = from;
  for (;;) {
    let nl = src.indexOf('\n', s);
    if (nl === -1 || nl >= to) nl = -1;
    let i = s;
    while (i < (nl === -1 ? to : nl) && src.charCodeAt(i) === 32) i++;
    if (nl === -1) {
      lines.push({ start: s, indent: i - s, end: to, next: to });
      return lines;
    }
    const end = nl > s && src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start: s, indent: i - s, end: Math.max(end, i), next: nl + 1 });
    s = nl + 1;
  }
}

const isEmpty = (src: string, l: Line) => l.start + l.indent >= l.end;

/** Decodes a block scalar (`|` or `>`), mapping every character of its value. */
function decodeBlock(src: string, tok: CST.BlockScalar): DecodedScalar {
  const header = tok.props[0]?.type === 'block-scalar-header' ? (tok.props[0] as CST.SourceToken).source : '|';
  let chomp: '' | '-' | '+' = '';
  let indicator = 0;
  for (const ch of header.slice(1)) {
    if (ch === '-' || ch === '+') chomp = ch;
    else if (ch >= '1' && ch <= '9') indicator = Number(ch);
  }
  let headerEnd = tok.offset;
  for (const p of tok.props) headerEnd = Math.max(headerEnd, p.offset + ('source' in p ? p.source.length : 0));
  const contentStart = headerEnd;
  const contentEnd = contentStart + tok.source.length;
  const lines = tok.source ? splitLines(src, contentStart, contentEnd) : [];
  const out = new Out(src);
  const folded = header[0] === '>';
  const brk = (l: Line) => out.made('\n', l.end, l.next);
  let chompStart = lines.length;
  while (chompStart > 0 && isEmpty(src, lines[chompStart - 1])) chompStart--;
  const style: ScalarStyle = folded ? 'folded' : 'literal';
  let trim = tok.indent + indicator;
  if (chompStart === 0) {
    if (chomp === '+' && lines.length > 0) out.made('\n'.repeat(Math.max(1, lines.length - 1)), contentStart, contentEnd);
    return { style, value: out.value, pieces: out.pieces, block: { header, chomp, indicator, indent: trim, contentStart, contentEnd } };
  }
  let first = 0;
  for (let i = 0; i < chompStart; i++) {
    if (isEmpty(src, lines[i])) {
      if (!indicator && lines[i].indent > trim) trim = lines[i].indent;
      continue;
    }
    if (!indicator) trim = lines[i].indent;
    first = i;
    break;
  }
  for (let i = chompStart; i < lines.length; i++) {
    if (lines[i].indent > trim) {
      chompStart = i + 1;
      break;
    }
  }
  for (let i = 0; i < first; i++) {
    out.copy(lines[i].start + trim, lines[i].start + lines[i].indent);
    brk(lines[i]);
  }
  // Separator state of folding: '' (start), ' ' (folded break) or '\n'.
  let sep = '';
  let prevMore = false;
  let sepFrom = -1;
  const emitSep = (text: string, to: number) => {
    if (text) out.made(text, sepFrom, to);
  };
  for (let i = first; i < chompStart; i++) {
    const l = lines[i];
    const cStart = l.start + Math.min(l.indent, trim);
    if (!folded) {
      if (i > first) brk(lines[i - 1]);
      out.copy(l.start + trim, l.end);
      continue;
    }
    const text = src.slice(l.start + l.indent, l.end);
    if (l.indent > trim || text[0] === '\t') {
      const s = sep === ' ' ? '\n' : !prevMore && sep === '\n' ? '\n\n' : sep;
      emitSep(s, cStart);
      out.copy(l.start + trim, l.end);
      sep = '\n';
      prevMore = true;
    } else if (text === '') {
      if (sep === '\n') {
        out.made('\n', l.start, l.next);
        sepFrom = l.next;
        continue;
      }
      sep = '\n';
    } else {
      emitSep(sep, cStart);
      out.copy(cStart, l.end);
      sep = ' ';
      prevMore = false;
    }
    sepFrom = l.end;
  }
  const last = lines[chompStart - 1];
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; i++) {
      brk(lines[i - 1]);
      out.copy(lines[i].start + trim, lines[i].start + lines[i].indent);
    }
    if (!out.value.endsWith('\n')) out.made('\n', lines[lines.length - 1].end, lines[lines.length - 1].next);
  } else if (chomp === '') {
    out.made('\n', last.end, last.next);
  }
  return { style, value: out.value, pieces: out.pieces, block: { header, chomp, indicator, indent: trim, contentStart, contentEnd } };
}

const isWs = (c: string | undefined) => c === ' ' || c === '\t';

/** Plain and single-quoted scalars: line folding, and `''` in single quotes. */
function decodeFolding(src: string, from: number, to: number, single: boolean): Piece[] & { value?: string } {
  const out = new Out(src);
  const content = (a: number, b: number) => {
    if (!single) return out.copy(a, b);
    let s = a;
    for (let i = src.indexOf("''", a); i !== -1 && i + 1 < b; i = src.indexOf("''", s)) {
      out.copy(s, i);
      out.made("'", i, i + 2);
      s = i + 2;
    }
    out.copy(s, b);
  };
  const lines = splitLines(src, from, to);
  let sep = ' ';
  let sepFrom = -1;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    let a = l.start;
    let b = l.end;
    if (k > 0) while (a < b && isWs(src[a])) a++;
    if (k < lines.length - 1) while (b > a && isWs(src[b - 1])) b--;
    if (k === 0) {
      content(a, b);
      sep = ' ';
      sepFrom = b;
      continue;
    }
    if (a === b && k < lines.length - 1) {
      if (sep === '\n') {
        out.made('\n', l.start, l.next);
        sepFrom = l.next;
      } else sep = '\n';
      continue;
    }
    out.made(sep, sepFrom, a);
    content(a, b);
    sep = ' ';
    sepFrom = b;
  }
  const r = out.pieces as Piece[] & { value?: string };
  r.value = out.value;
  return r;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** Double-quoted scalars: escapes and line folding. */
function decodeDouble(src: string, from: number, to: number): Out {
  const out = new Out(src);
  let run = from;
  const flush = (i: number) => {
    out.copy(run, i);
  };
  for (let i = from; i < to; i++) {
    const ch = src[i];
    if (ch === '\r' && src[i + 1] === '\n') {
      flush(i);
      run = i + 1;
      continue;
    }
    if (ch === '\n') {
      flush(i);
      const start = i > from && src[i - 1] === '\r' ? i - 1 : i;
      let fold = '';
      let j = i;
      while (j + 1 < to && (isWs(src[j + 1]) || src[j + 1] === '\n' || (src[j + 1] === '\r' && src[j + 2] === '\n'))) {
        if (src[j + 1] === '\n') fold += '\n';
        j++;
      }
      out.made(fold || ' ', start, j + 1);
      i = j;
      run = j + 1;
    } else if (ch === '\\') {
      flush(i);
      const next = src[i + 1];
      if (ESCAPES[next] !== undefined) {
        out.made(ESCAPES[next], i, i + 2);
        i += 1;
      } else if (next === '\n' || (next === '\r' && src[i + 2] === '\n')) {
        let j = next === '\n' ? i + 1 : i + 2;
        while (isWs(src[j + 1])) j++;
        out.made('', i, j + 1);
        i = j;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const n = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + n);
        out.made(/^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? String.fromCodePoint(parseInt(hex, 16)) : src.slice(i, i + 2 + n), i, i + 2 + n);
        i += 1 + n;
      } else {
        out.copy(i, i + 2);
        i += 1;
      }
      run = i + 1;
    } else if (isWs(ch)) {
      let j = i;
      while (isWs(src[j + 1])) j++;
      const atBreak = src[j + 1] === '\n' || (src[j + 1] === '\r' && src[j + 2] === '\n');
      if (atBreak) {
        flush(i);
        out.made('', i, j + 1);
        run = j + 1;
      }
      i = j;
    }
  }
  flush(to);
  return out;
}

/**
 * Decodes a scalar token into its value and pieces. The caller compares `value` with
 * what the `yaml` package resolved, so a mistake here is reported, never silent.
 */
export function decodeScalar(src: string, tok: CST.BlockScalar | CST.FlowScalar): DecodedScalar {
  if (tok.type === 'block-scalar') return decodeBlock(src, tok);
  const start = tok.offset;
  const end = start + tok.source.length;
  if (tok.type === 'double-quoted-scalar') {
    const out = decodeDouble(src, start + 1, end - 1);
    return { style: 'double-quoted', value: out.value, pieces: out.pieces };
  }
  const single = tok.type === 'single-quoted-scalar';
  const pieces = single ? decodeFolding(src, start + 1, end - 1, true) : decodeFolding(src, start, end, false);
  return { style: single ? 'single-quoted' : 'plain', value: pieces.value ?? '', pieces };
}
