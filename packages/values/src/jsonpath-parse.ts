// Parser for ojg's JSONPath syntax (github.com/ohler55/ojg/jp), used by json_path.

import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { MAX_DEPTH } from '@alloy-lint/parser';
import { NULL, type Value } from './value.js';

export type Frag =
  | { k: 'root' }
  | { k: 'at' }
  | { k: 'child'; name: string }
  | { k: 'nth'; i: number }
  | { k: 'wild' }
  | { k: 'descent' }
  | { k: 'union'; keys: (string | number)[] }
  | { k: 'slice'; start: number; end: number; step: number }
  | { k: 'filter'; eq: Eq };

export type Eq =
  | { k: 'lit'; v: Lit }
  | { k: 'path'; x: Frag[] }
  | { k: 'op'; op: string; left: Eq; right?: Eq };

export type Lit = Value | GoRegexp | Lit[] | typeof NOTHING;
export const NOTHING = Symbol('Nothing');

const MAX_END = 2147483647;

export class PathError {
  constructor(readonly message: string) {}
}

// ojg's token map: which bytes may appear in a bare name ('o') and which end it.
const TOKEN_MAP =
  '................................' +
  '...o.o..........oooooooooooo...o' +
  '.oooooooooooooooooooooooooo...oo' +
  '.oooooooooooooooooooooooooooooo.';

function isTokenChar(c: number): boolean {
  return c >= 0x80 || TOKEN_MAP[c] === 'o';
}

export class Parser {
  pos = 0;
  /** Filters, parentheses, `!`, lists and operators open so far: the parser and the evaluator recurse once per level. */
  private depth = 0;
  constructor(readonly s: string) {}

  raise(msg: string): never {
    throw new PathError(`${msg} at ${this.pos + 1} in ${this.s}`);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.raise(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  expr(): Frag[] {
    const x: Frag[] = [];
    let first = true;
    let lastDescent = false;
    for (;;) {
      const f = this.next(first, lastDescent);
      if (!f) return x;
      first = false;
      lastDescent = f.k === 'descent';
      x.push(f);
    }
  }

  private next(first: boolean, lastDescent: boolean): Frag | undefined {
    if (this.pos >= this.s.length) return undefined;
    const b = this.s[this.pos++];
    switch (b) {
      case '$':
        return first ? { k: 'root' } : undefined;
      case '@':
        return first ? { k: 'at' } : undefined;
      case '.':
        return this.afterDot();
      case '*':
        return { k: 'wild' };
      case '[':
        return this.bracket();
      default:
        this.pos--;
        if (b !== ']' && isTokenChar(b.charCodeAt(0)) && (first || lastDescent)) return this.name(true);
        return undefined;
    }
  }

  private afterDot(): Frag {
    if (this.pos >= this.s.length) this.raise('not terminated');
    const b = this.s[this.pos];
    if (b === '*') {
      this.pos++;
      return { k: 'wild' };
    }
    if (b === '.') {
      this.pos++;
      return { k: 'descent' };
    }
    if (!isTokenChar(b.charCodeAt(0))) {
      this.pos++;
      this.raise(`an expression fragment can not start with a '${b}'`);
    }
    return this.name(false);
  }

  private name(_: boolean): Frag {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.s.length && isTokenChar(this.s.charCodeAt(this.pos))) this.pos++;
    return { k: 'child', name: this.s.slice(start, this.pos) };
  }

  private skipSpace(): string {
    while (this.pos < this.s.length) {
      const b = this.s[this.pos++];
      if (b !== ' ') return b;
    }
    return '';
  }

  private peekNonSpace(): string {
    while (this.pos < this.s.length && this.s[this.pos] === ' ') this.pos++;
    return this.s[this.pos] ?? '';
  }

  private bracket(): Frag {
    if (this.pos >= this.s.length) this.raise('not terminated');
    let b = this.skipSpace();
    switch (b) {
      case '*':
        if (this.skipSpace() !== ']') this.raise('not terminated');
        return { k: 'wild' };
      case "'":
      case '"': {
        const s = this.str(b);
        b = this.skipSpace();
        if (b === ']') return { k: 'child', name: s };
        if (b === ',') return this.union(s, b);
        return this.raise('invalid bracket fragment');
      }
      case ':':
        return this.slice(0);
      case '?':
        return this.filter();
      default:
        if (b === '-' || (b >= '0' && b <= '9')) {
          let i: number;
          [i, b] = this.int(b);
          while (b === ' ') b = this.skipSpace();
          if (b === ']') return { k: 'nth', i };
          if (b === ',') return this.union(i, b);
          if (b === ':') return this.slice(i);
          return this.raise('invalid bracket fragment');
        }
    }
    this.pos--;
    return this.raise('parse error');
  }

  private int(b: string): [number, string] {
    const neg = b === '-';
    if (neg) {
      if (this.pos >= this.s.length) this.raise('expected a number');
      b = this.s[this.pos++];
    }
    const start = this.pos;
    let i = 0;
    while (b >= '0' && b <= '9') {
      i = i * 10 + Number(b);
      if (this.pos >= this.s.length) break;
      b = this.s[this.pos++];
    }
    if (this.pos === start) this.raise('expected a number');
    return [neg ? -i : i, b];
  }

  private slice(i: number): Frag {
    if (this.pos >= this.s.length) this.raise('not terminated');
    const parts: number[] = [i];
    let b = this.s[this.pos];
    if (b === ']') {
      this.pos++;
      return { k: 'slice', start: i, end: MAX_END, step: 1 };
    }
    b = this.skipSpace();
    if (b === ':') {
      parts.push(MAX_END);
      if (this.pos >= this.s.length) this.raise('not terminated');
      b = this.s[this.pos++];
      if (b !== ']') {
        let n: number;
        [n, b] = this.int(b);
        parts.push(n);
      }
    } else {
      let n: number;
      [n, b] = this.int(b);
      parts.push(n);
      if (b === ':') {
        if (this.pos >= this.s.length) this.raise('not terminated');
        b = this.s[this.pos++];
        if (b !== ']') {
          [n, b] = this.int(b);
          parts.push(n);
        }
      }
    }
    if (b !== ']') this.raise('invalid slice syntax');
    return { k: 'slice', start: parts[0], end: parts[1] ?? MAX_END, step: parts[2] ?? 1 };
  }

  private union(first: string | number, b: string): Frag {
    const keys: (string | number)[] = [first];
    for (;;) {
      if (b === ']') return { k: 'union', keys };
      if (b !== ',') this.raise('invalid union syntax');
      b = this.skipSpace();
      if (b === "'" || b === '"') {
        keys.push(this.str(b));
        b = this.skipSpace();
      } else if (b === '-' || (b >= '0' && b <= '9')) {
        let i: number;
        [i, b] = this.int(b);
        keys.push(i);
        if (b === ' ') b = this.skipSpace();
      } else this.raise('invalid union syntax');
    }
  }

  str(term: string): string {
    let out = '';
    while (this.pos < this.s.length) {
      const b = this.s[this.pos++];
      if (b === term) return out;
      if (b === '\\') {
        const e = this.s[this.pos++];
        const map: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\' };
        if (e in map) out += map[e];
        else if (e === 'u' || e === 'U') {
          out += String.fromCodePoint(parseInt(this.s.slice(this.pos, this.pos + 4), 16));
          this.pos += 4;
        } else throw new PathError(`0x${e.charCodeAt(0).toString(16).padStart(2, '0')} (${e}) is not a valid escaped character`);
        continue;
      }
      out += b;
    }
    return out;
  }

  private filter(): Frag {
    if (this.pos >= this.s.length) this.raise('not terminated');
    // ojg accepts both `[?(…)]` and `[?…]`.
    this.enter();
    const eq = this.eq(0);
    this.depth--;
    if (this.peekNonSpace() !== ']') this.raise('not terminated');
    this.pos++;
    return { k: 'filter', eq };
  }

  // Precedence climbing over ojg's operators.
  private static PREC: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '=~': 3, '~=': 3, in: 3, has: 3, '+': 4, '-': 4, '*': 5, '/': 5 };

  private eq(minPrec: number): Eq {
    // Each operator of a chain nests the chain so far one level deeper (the tree leans left).
    const depth = this.depth;
    let left = this.operand();
    for (;;) {
      const save = this.pos;
      const op = this.op();
      if (!op) {
        this.pos = save;
        this.depth = depth;
        return left;
      }
      const p = Parser.PREC[op];
      if (p === undefined || p < minPrec + (minPrec === 0 ? 0 : 0) || p <= minPrec - 1) {
        this.pos = save;
        this.depth = depth;
        return left;
      }
      if (p < minPrec) {
        this.pos = save;
        this.depth = depth;
        return left;
      }
      this.enter();
      const right = this.eq(p + 1);
      left = { k: 'op', op, left, right };
    }
  }

  private op(): string | undefined {
    const c = this.peekNonSpace();
    if (c === '' || c === ']' || c === ')' || c === ',') return undefined;
    for (const o of ['||', '&&', '==', '!=', '<=', '>=', '=~', '~=', '<', '>', '+', '-', '*', '/', 'in', 'has']) {
      if (this.s.startsWith(o, this.pos)) {
        this.pos += o.length;
        return o;
      }
    }
    const m = /^[^ \])]+/.exec(this.s.slice(this.pos));
    this.raise(`'${m ? m[0] : c}' is not a valid operation`);
  }

  private operand(): Eq {
    const b = this.peekNonSpace();
    switch (b) {
      case '!': {
        this.pos++;
        this.enter();
        const left = this.operand();
        this.depth--;
        return { k: 'op', op: '!', left };
      }
      case '(': {
        this.pos++;
        this.enter();
        const e = this.eq(0);
        this.depth--;
        if (this.peekNonSpace() !== ')') this.raise('not terminated');
        this.pos++;
        return e;
      }
      case "'":
      case '"':
        this.pos++;
        return { k: 'lit', v: { t: 'string', v: this.str(b) } };
      case '@':
      case '$':
        return { k: 'path', x: this.expr() };
      case '[': {
        this.pos++;
        const list: Lit[] = [];
        this.enter();
        for (;;) {
          const e = this.eq(0);
          list.push(e.k === 'lit' ? e.v : NULL);
          const c = this.skipSpace();
          if (c === ']') break;
          if (c !== ',') this.raise('expected a comma or an array close');
        }
        this.depth--;
        return { k: 'lit', v: list };
      }
      case '/': {
        this.pos++;
        const start = this.pos;
        while (this.pos < this.s.length && this.s[this.pos] !== '/') {
          if (this.s[this.pos] === '\\') this.pos++;
          this.pos++;
        }
        const src = this.s.slice(start, this.pos);
        this.pos++;
        const re = GoRegexp.compile(src);
        return re instanceof GoRegexp ? { k: 'lit', v: re } : this.raise(re.error);
      }
      default: {
        if (b === '-' || (b >= '0' && b <= '9')) {
          const m = /^-?\d+(\.\d*)?([eE][+-]?\d+)?/.exec(this.s.slice(this.pos))!;
          this.pos += m[0].length;
          if (!m[1] && !m[2]) return { k: 'lit', v: { t: 'number', go: 'int64', v: BigInt(m[0]) } };
          return { k: 'lit', v: { t: 'number', go: 'float64', v: Number(m[0]) } };
        }
        const m = /^[a-zA-Z]+/.exec(this.s.slice(this.pos));
        const tok = m ? m[0] : '';
        this.pos += tok.length;
        if (tok === 'true' || tok === 'false') return { k: 'lit', v: { t: 'bool', v: tok === 'true' } };
        if (tok === 'null') return { k: 'lit', v: NULL };
        if (tok === 'Nothing') return { k: 'lit', v: NOTHING };
        if (tok === 'length' || tok === 'count' || tok === 'exists' || tok === 'empty' || tok === 'match' || tok === 'search') {
          if (this.s[this.pos] !== '(') this.raise(`expected a ${tok} function`);
          this.pos++;
          const left = this.eq(0);
          let right: Eq | undefined;
          if (this.peekNonSpace() === ',') {
            this.pos++;
            right = this.eq(0);
          }
          if (this.peekNonSpace() !== ')') this.raise('not terminated');
          this.pos++;
          return { k: 'op', op: tok, left, right };
        }
        this.pos -= tok.length;
        return this.raise(`'${tok}' is not a value or function`);
      }
    }
  }
}

