// A parser for the subset of Go's text/template that pipeline templates use:
// text, actions with pipelines, variables, if/else if/else, range, with,
// define/template/block, break/continue, comments and {{- -}} trimming.

import { unquote } from '@alloy-lint/gostd';
import { MAX_DEPTH } from '@alloy-lint/parser';

export type Arg =
  | { k: 'str'; v: string }
  | { k: 'num'; text: string }
  | { k: 'bool'; v: boolean }
  | { k: 'nil' }
  | { k: 'dot' }
  | { k: 'field'; recv: Arg | null; path: string[] } // recv null: fields of dot
  | { k: 'var'; name: string; path: string[] }
  | { k: 'ident'; name: string }
  | { k: 'pipe'; pipe: Pipe; path: string[] };

export interface Cmd {
  args: Arg[];
}

export interface Pipe {
  decl: string[];
  /** True for `=` (assignment) rather than `:=`. */
  assign: boolean;
  cmds: Cmd[];
}

export type Node =
  | { k: 'text'; v: string }
  | { k: 'action'; pipe: Pipe }
  | ({ k: 'if' } & Control)
  | ({ k: 'with' } & Control)
  | ({ k: 'range' } & Control)
  | { k: 'template'; name: string; pipe: Pipe | null }
  | { k: 'break' }
  | { k: 'continue' };

export interface Control {
  pipe: Pipe;
  list: Node[];
  else: Node[] | null;
}

export interface Parsed {
  root: Node[];
  defines: Map<string, Node[]>;
}

export class TemplateError extends Error {}

type Tok = { t: 'text'; v: string } | { t: 'action'; body: string; line: number };

/** Splits the source into text and action bodies, applying trim markers. */
function split(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let trimNext = false;
  while (i <= src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    if (open < 0) {
      if (text) out.push({ t: 'text', v: text });
      break;
    }
    let j = open + 2;
    if (src[j] === '-' && /[ \t\r\n]/.test(src[j + 1] ?? '')) {
      text = text.replace(/[ \t\r\n]+$/, '');
      j += 2;
    }
    if (text) out.push({ t: 'text', v: text });
    // find the closing delimiter outside quotes and comments
    let k = j;
    let close = -1;
    while (k < src.length) {
      const c = src[k];
      if (c === '"' || c === '`' || c === "'") {
        const q = c;
        k++;
        while (k < src.length && src[k] !== q) k += src[k] === '\\' && q !== '`' ? 2 : 1;
        k++;
        continue;
      }
      if (src.startsWith('/*', k)) {
        const e = src.indexOf('*/', k + 2);
        if (e < 0) throw new TemplateError('unclosed comment');
        k = e + 2;
        continue;
      }
      if (src.startsWith('}}', k)) {
        close = k;
        break;
      }
      k++;
    }
    if (close < 0) throw new TemplateError('unclosed action');
    let body = src.slice(j, close);
    if (/[ \t\r\n]-$/.test(body)) {
      body = body.slice(0, -2);
      trimNext = true;
    }
    out.push({ t: 'action', body, line: 1 });
    i = close + 2;
  }
  return out;
}

type Lex = { t: 'str' | 'num' | 'word' | 'field' | 'var' | 'op' | 'char'; v: string; adj?: boolean };

const NUM = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?|\d[\d_]*\.)(i)?/;

function lexAction(body: string): Lex[] {
  const out: Lex[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (body.startsWith('/*', i)) {
      const e = body.indexOf('*/', i + 2);
      i = e + 2;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      while (k < body.length && body[k] !== '"') k += body[k] === '\\' ? 2 : 1;
      if (k >= body.length) throw new TemplateError('unterminated quoted string');
      out.push({ t: 'str', v: unquoteGo(body.slice(i, k + 1)) });
      i = k + 1;
      continue;
    }
    if (c === '`') {
      const k = body.indexOf('`', i + 1);
      if (k < 0) throw new TemplateError('unterminated raw quoted string');
      out.push({ t: 'str', v: body.slice(i + 1, k).replace(/\r/g, '') });
      i = k + 1;
      continue;
    }
    if (c === "'") {
      let k = i + 1;
      while (k < body.length && body[k] !== "'") k += body[k] === '\\' ? 2 : 1;
      const s = unquoteGo(body.slice(i, k + 1));
      out.push({ t: 'char', v: String(s.codePointAt(0) ?? 0) });
      i = k + 1;
      continue;
    }
    if (body.startsWith(':=', i)) {
      out.push({ t: 'op', v: ':=' });
      i += 2;
      continue;
    }
    if ('|()=,'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    if (c === '$') {
      const m = /^\$[\p{L}\p{Nd}_]*/u.exec(body.slice(i))!;
      out.push({ t: 'var', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '.' && !/[0-9]/.test(body[i + 1] ?? '')) {
      const m = /^\.[\p{L}_][\p{L}\p{Nd}_]*/u.exec(body.slice(i));
      if (m) {
        out.push({ t: 'field', v: m[0].slice(1), adj: i > 0 && !/\s/.test(body[i - 1]) });
        i += m[0].length;
      } else {
        out.push({ t: 'op', v: '.' });
        i++;
      }
      continue;
    }
    const n = /[0-9+\-.]/.test(c) ? NUM.exec(body.slice(i)) : null;
    if (n && n[0] !== '' && n[0] !== '+' && n[0] !== '-') {
      out.push({ t: 'num', v: n[0] });
      i += n[0].length;
      continue;
    }
    const w = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(body.slice(i));
    if (w) {
      out.push({ t: 'word', v: w[0] });
      i += w[0].length;
      continue;
    }
    throw new TemplateError(`unexpected ${JSON.stringify(c)} in command`);
  }
  return out;
}

/** strconv.Unquote of a string or rune literal, failing as a template error. */
export function unquoteGo(lit: string): string {
  try {
    return unquote(lit);
  } catch {
    throw new TemplateError(`invalid syntax in string ${lit}`);
  }
}

const tooDeep = () => new TemplateError(`nesting deeper than ${MAX_DEPTH} levels is not supported`);

class ActionParser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Lex[]) {}

  peek(): Lex | undefined {
    return this.toks[this.i];
  }

  done(): boolean {
    return this.i >= this.toks.length;
  }

  pipeline(): Pipe {
    const decl: string[] = [];
    let assign = false;
    // declarations: $x := / $x, $y := / $x =
    const save = this.i;
    if (this.peek()?.t === 'var') {
      const names = [this.toks[this.i++].v];
      if (this.peek()?.v === ',' && this.toks[this.i + 1]?.t === 'var') {
        this.i++;
        names.push(this.toks[this.i++].v);
      }
      const op = this.peek();
      if (op?.t === 'op' && (op.v === ':=' || op.v === '=')) {
        this.i++;
        for (const n of names) decl.push(n);
        assign = op.v === '=';
      } else this.i = save;
    }
    const cmds: Cmd[] = [];
    for (;;) {
      const args: Arg[] = [];
      while (!this.done() && this.peek()!.v !== '|' && this.peek()!.v !== ')') args.push(this.operand());
      if (args.length === 0) throw new TemplateError('missing value for command');
      cmds.push({ args });
      if (this.peek()?.v === '|') {
        this.i++;
        continue;
      }
      break;
    }
    return { decl, assign, cmds };
  }

  private operand(): Arg {
    const t = this.toks[this.i++];
    let a: Arg;
    switch (t.t) {
      case 'str':
        a = { k: 'str', v: t.v };
        break;
      case 'num':
      case 'char':
        a = { k: 'num', text: t.v };
        break;
      case 'field': {
        const path = [t.v];
        while (this.peek()?.t === 'field' && this.peek()!.adj) path.push(this.toks[this.i++].v);
        return { k: 'field', recv: null, path };
      }
      case 'var':
        a = { k: 'var', name: t.v, path: [] };
        break;
      case 'word':
        if (t.v === 'true' || t.v === 'false') a = { k: 'bool', v: t.v === 'true' };
        else if (t.v === 'nil') a = { k: 'nil' };
        else a = { k: 'ident', name: t.v };
        break;
      case 'op':
        if (t.v === '.') {
          a = { k: 'dot' };
          break;
        }
        if (t.v === '(') {
          if (++this.depth > MAX_DEPTH) throw tooDeep();
          const pipe = this.pipeline();
          this.depth--;
          if (this.toks[this.i++]?.v !== ')') throw new TemplateError('unclosed left paren');
          a = { k: 'pipe', pipe, path: [] };
          break;
        }
        throw new TemplateError(`unexpected ${JSON.stringify(t.v)} in operand`);
    }
    const path: string[] = [];
    while (this.peek()?.t === 'field' && this.peek()!.adj) path.push(this.toks[this.i++].v);
    if (path.length === 0) return a;
    if (a.k === 'var' || a.k === 'pipe') return { ...a, path };
    return { k: 'field', recv: a, path };
  }
}

function parsePipe(body: string): Pipe {
  const p = new ActionParser(lexAction(body));
  const pipe = p.pipeline();
  if (!p.done()) throw new TemplateError(`unexpected ${JSON.stringify(p.peek()!.v)} in command`);
  return pipe;
}

/** Parses a template; throws TemplateError with a Go-like message. */
export function parseTemplate(src: string): Parsed {
  const toks = split(src);
  const defines = new Map<string, Node[]>();
  let i = 0;
  // if/with/range, their `else if` chains and define bodies recurse here: each counts one level.
  let depth = 0;
  const nest = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) throw tooDeep();
    const r = f();
    depth--;
    return r;
  };
  const list = (ends: string[]): { nodes: Node[]; end: string; rest: string } => {
    const nodes: Node[] = [];
    while (i < toks.length) {
      const t = toks[i++];
      if (t.t === 'text') {
        nodes.push({ k: 'text', v: t.v });
        continue;
      }
      const body = t.body.trim();
      if (body.startsWith('/*')) continue;
      const kw = /^([a-z]+)\b\s*([\s\S]*)$/.exec(body);
      const word = kw?.[1];
      if (word === 'end' || word === 'else') {
        if (!ends.includes(word)) throw new TemplateError(`unexpected {{${word}}}`);
        return { nodes, end: word, rest: kw![2] };
      }
      if (word === 'if' || word === 'with' || word === 'range') nodes.push(control(word, kw![2]));
      else if (word === 'break' || word === 'continue') nodes.push({ k: word });
      else if (word === 'define' || word === 'block') {
        const m = /^("(?:[^"\\]|\\.)*"|`[^`]*`)\s*([\s\S]*)$/.exec(kw![2]);
        if (!m) throw new TemplateError(`bad name in ${word}`);
        const name = m[1][0] === '`' ? m[1].slice(1, -1) : unquoteGo(m[1]);
        const inner = nest(() => list(['end']));
        defines.set(name, inner.nodes);
        if (word === 'block') nodes.push({ k: 'template', name, pipe: m[2].trim() ? parsePipe(m[2]) : null });
      } else if (word === 'template') {
        const m = /^("(?:[^"\\]|\\.)*"|`[^`]*`)\s*([\s\S]*)$/.exec(kw![2]);
        if (!m) throw new TemplateError('bad name in template');
        const name = m[1][0] === '`' ? m[1].slice(1, -1) : unquoteGo(m[1]);
        nodes.push({ k: 'template', name, pipe: m[2].trim() ? parsePipe(m[2]) : null });
      } else nodes.push({ k: 'action', pipe: parsePipe(body) });
    }
    if (ends.length) throw new TemplateError('unexpected EOF');
    return { nodes, end: '', rest: '' };
  };
  const control = (k: 'if' | 'with' | 'range', head: string): Node => nest(() => controlBody(k, head));
  const controlBody = (k: 'if' | 'with' | 'range', head: string): Node => {
    const pipe = parsePipe(head);
    const body = list(['end', 'else']);
    let elseList: Node[] | null = null;
    if (body.end === 'else') {
      const chain = /^(if|with)\b\s*([\s\S]*)$/.exec(body.rest.trim());
      if (chain && chain[1] === k && k !== 'range') {
        elseList = [control(k, chain[2])];
      } else {
        if (body.rest.trim()) throw new TemplateError('unexpected tokens after else');
        elseList = list(['end']).nodes;
      }
    }
    return { k, pipe, list: body.nodes, else: elseList } as Node;
  };
  const root = list([]).nodes;
  return { root, defines };
}
