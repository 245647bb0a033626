// The LogQL subset stage.match accepts: a stream selector `{name op "value", …}`
// followed by line filters (`|= "x"`, `!= "x"`, `|~ "re"`, `!~ "re"`).

import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { unquoteGo } from './template/parse.js';

export interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
  re?: GoRegexp;
}

export interface Selector {
  matchers: Matcher[];
  /** Line filters, all of which must pass. */
  filters: ((line: string) => boolean)[];
}

type Tok = { t: 'ident' | 'str' | 'op' | 'eof'; v: string; pos: number };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (src.startsWith('//', i)) {
      const e = src.indexOf('\n', i);
      i = e < 0 ? src.length : e;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      while (k < src.length && src[k] !== '"' && src[k] !== '\n') k += src[k] === '\\' ? 2 : 1;
      if (src[k] !== '"') throw new Error(`parse error at col ${i + 1}: literal not terminated`);
      let v: string;
      try {
        v = unquoteGo(src.slice(i, k + 1));
      } catch {
        throw new Error(`parse error at col ${i + 1}: invalid syntax`);
      }
      out.push({ t: 'str', v, pos: i });
      i = k + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['!=', '=~', '!~', '|=', '|~'].includes(two)) {
      out.push({ t: 'op', v: two, pos: i });
      i += 2;
      continue;
    }
    if ('{},=.'.includes(c)) {
      out.push({ t: 'op', v: c, pos: i });
      i++;
      continue;
    }
    const m = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(i));
    if (m) {
      out.push({ t: 'ident', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const n = /^\d+(\.\d*)?([eE][+-]?\d+)?/.exec(src.slice(i));
    const text = n ? n[0] : String.fromCodePoint(src.codePointAt(i)!);
    out.push({ t: 'ident', v: text, pos: i });
    i += text.length;
  }
  out.push({ t: 'eof', v: '', pos: src.length });
  return out;
}

function fail(t: Tok, want: string): never {
  const got = t.t === 'eof' ? '$end' : t.t === 'str' ? 'STRING' : t.t === 'ident' ? 'IDENTIFIER' : JSON.stringify(t.v);
  throw new Error(`parse error at col ${t.pos + 1}: syntax error: unexpected ${got}, expecting ${want}`);
}

/** Parses a match selector; throws with a message on a syntax error or a bad regex. */
export function parseSelector(src: string): Selector {
  const toks = tokenize(src);
  let i = 0;
  const next = () => toks[i++];
  let t = next();
  if (t.v !== '{' || t.t !== 'op') fail(t, '{');
  const matchers: Matcher[] = [];
  for (;;) {
    const name = next();
    if (name.t !== 'ident') fail(name, 'IDENTIFIER');
    const op = next();
    if (op.t !== 'op' || !['=', '!=', '=~', '!~'].includes(op.v)) fail(op, '=, !=, =~ or !~');
    const val = next();
    if (val.t !== 'str') fail(val, 'STRING');
    const m: Matcher = { name: name.v, op: op.v as Matcher['op'], value: val.v };
    if (m.op === '=~' || m.op === '!~') {
      const re = GoRegexp.compile('^(?s:' + m.value + ')$');
      if (!(re instanceof GoRegexp)) throw new Error(re.error);
      m.re = re;
    }
    matchers.push(m);
    t = next();
    if (t.t === 'op' && t.v === ',') continue;
    if (t.t === 'op' && t.v === '}') break;
    fail(t, ', or }');
  }
  const filters: ((line: string) => boolean)[] = [];
  for (;;) {
    t = next();
    if (t.t === 'eof') break;
    if (t.t !== 'op' || !['|=', '!=', '|~', '!~'].includes(t.v)) fail(t, '!=, !~, |= or |~');
    const val = next();
    if (val.t !== 'str') fail(val, 'STRING');
    const s = val.v;
    if (t.v === '|=') filters.push((line) => line.includes(s));
    else if (t.v === '!=') filters.push((line) => !line.includes(s));
    else {
      const re = GoRegexp.compile(s);
      if (!(re instanceof GoRegexp)) throw new Error(`error parsing pipeline: ${re.error}`);
      filters.push(t.v === '|~' ? (line) => re.test(line) : (line) => !re.test(line));
    }
  }
  return { matchers, filters };
}

/** Whether an entry with `labels` and `line` passes the selector. */
export function selectorMatches(sel: Selector, labels: Map<string, string>, line: string): boolean {
  for (const m of sel.matchers) {
    const v = labels.get(m.name) ?? '';
    switch (m.op) {
      case '=':
        if (v !== m.value) return false;
        break;
      case '!=':
        if (v === m.value) return false;
        break;
      case '=~':
        if (!m.re!.test(v)) return false;
        break;
      case '!~':
        if (m.re!.test(v)) return false;
        break;
    }
  }
  for (const f of sel.filters) if (!f(line)) return false;
  return true;
}
