// encoding/json Unmarshal into interface{}: objects become maps, numbers float64
// (or int64 when asked), and syntax errors carry Go's messages.

import { GoError } from './errors.js';
import type { GoValue } from './go-value.js';
import { quote } from './strconv-quote.js';
import { utf8Bytes, utf8Decode } from './utf8.js';

/** encoding/json's quoteChar for syntax error messages (a byte shown as the rune of the same number). */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  return `'${quote(String.fromCharCode(c)).slice(1, -1)}'`;
}

class Syntax {
  constructor(readonly message: string) {}
}

/**
 * Arrays and objects nested deeper than this are Go's `exceeded max depth` error. Go allows
 * 10,000; the parser here recurses, so a caller may lower it (values uses the parser's limit).
 */
export const JSON_MAX_DEPTH = 1000;

/**
 * json.Unmarshal into `any`: null, boolean, string, number (float64), arrays and Maps;
 * with `ints`, integers that fit int64 become bigint. Throws GoError.
 */
export function jsonDecode(text: string, ints = false, maxDepth = JSON_MAX_DEPTH): GoValue {
  const b = utf8Bytes(text);
  const p = new JsonParser(b, ints, maxDepth);
  try {
    p.ws();
    if (p.i >= b.length) throw new Syntax('unexpected end of JSON input');
    const v = p.value();
    p.ws();
    if (p.i < b.length) throw new Syntax(`invalid character ${quoteChar(b[p.i])} after top-level value`);
    if (p.rangeError) throw new GoError(`json: cannot unmarshal number ${p.rangeError} into Go value of type float64`);
    return v;
  } catch (e) {
    if (e instanceof Syntax) throw new GoError(e.message);
    throw e;
  }
}

// No escape, quote or control character: the body is the value as is.
const PLAIN_BODY = /^"[^"\\\x00-\x1f]*"$/;

/** encoding/json's unquote of one quoted string literal (`"a\tb"`); undefined when it is not valid JSON. */
export function jsonUnquote(lit: string): string | undefined {
  if (PLAIN_BODY.test(lit)) return lit.slice(1, -1);
  const b = utf8Bytes(lit);
  if (b[0] !== 0x22) return undefined;
  const p = new JsonParser(b);
  try {
    const s = p.string();
    return p.i === b.length ? s : undefined;
  } catch (e) {
    if (e instanceof Syntax) return undefined;
    throw e;
  }
}

class JsonParser {
  i = 0;
  rangeError: string | undefined;
  private depth = 0;
  constructor(
    readonly b: Uint8Array,
    readonly ints = false,
    readonly maxDepth = JSON_MAX_DEPTH,
  ) {}

  ws(): void {
    const b = this.b;
    while (this.i < b.length) {
      const c = b[this.i];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  private eof(): never {
    throw new Syntax('unexpected end of JSON input');
  }

  private bad(c: number, ctx: string): never {
    throw new Syntax(`invalid character ${quoteChar(c)} ${ctx}`);
  }

  value(): GoValue {
    const b = this.b;
    if (this.i >= b.length) this.eof();
    const c = b[this.i];
    switch (c) {
      case 0x7b:
        return this.object();
      case 0x5b:
        return this.array();
      case 0x22:
        return this.string();
      case 0x74:
        this.literal('true');
        return true;
      case 0x66:
        this.literal('false');
        return false;
      case 0x6e:
        this.literal('null');
        return null;
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        this.bad(c, 'looking for beginning of value');
    }
  }

  private literal(word: string): void {
    const b = this.b;
    this.i++;
    for (let k = 1; k < word.length; k++) {
      if (this.i >= b.length) this.eof();
      if (b[this.i] !== word.charCodeAt(k)) this.bad(b[this.i], `in literal ${word} (expecting ${quoteChar(word.charCodeAt(k))})`);
      this.i++;
    }
  }

  private number(): GoValue {
    const b = this.b;
    const start = this.i;
    const digit = (c: number) => c >= 0x30 && c <= 0x39;
    if (b[this.i] === 0x2d) {
      this.i++;
      if (this.i >= b.length) this.eof();
      if (!digit(b[this.i])) this.bad(b[this.i], 'in numeric literal');
    }
    if (b[this.i] === 0x30) this.i++;
    else while (this.i < b.length && digit(b[this.i])) this.i++;
    if (this.i < b.length && b[this.i] === 0x2e) {
      this.i++;
      if (this.i >= b.length) this.eof();
      if (!digit(b[this.i])) this.bad(b[this.i], 'after decimal point in numeric literal');
      while (this.i < b.length && digit(b[this.i])) this.i++;
    }
    if (this.i < b.length && (b[this.i] === 0x65 || b[this.i] === 0x45)) {
      this.i++;
      if (this.i < b.length && (b[this.i] === 0x2b || b[this.i] === 0x2d)) this.i++;
      if (this.i >= b.length) this.eof();
      if (!digit(b[this.i])) this.bad(b[this.i], 'in exponent of numeric literal');
      while (this.i < b.length && digit(b[this.i])) this.i++;
    }
    const lit = utf8Decode(b.subarray(start, this.i));
    if (this.ints && /^-?\d+$/.test(lit)) {
      const n = BigInt(lit);
      if (n >= -(1n << 63n) && n < 1n << 63n) return n;
    }
    const f = Number(lit);
    if (!Number.isFinite(f)) {
      this.rangeError ??= lit;
      return 0;
    }
    return f;
  }

  string(): string {
    const b = this.b;
    this.i++;
    let plainStart = this.i;
    let pieces = '';
    const flush = () => {
      if (plainStart < this.i) pieces += utf8Decode(b.subarray(plainStart, this.i));
    };
    for (;;) {
      if (this.i >= b.length) this.eof();
      const c = b[this.i];
      if (c === 0x22) {
        flush();
        this.i++;
        return pieces;
      }
      if (c < 0x20) this.bad(c, 'in string literal');
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      flush();
      this.i++;
      if (this.i >= b.length) this.eof();
      const e = b[this.i];
      this.i++;
      switch (e) {
        case 0x22:
        case 0x5c:
        case 0x2f:
          pieces += String.fromCharCode(e);
          break;
        case 0x62:
          pieces += '\b';
          break;
        case 0x66:
          pieces += '\f';
          break;
        case 0x6e:
          pieces += '\n';
          break;
        case 0x72:
          pieces += '\r';
          break;
        case 0x74:
          pieces += '\t';
          break;
        case 0x75: {
          let r = this.hex4();
          if (r >= 0xd800 && r < 0xdc00) {
            // A surrogate pair, if the next escape completes it.
            if (b[this.i] === 0x5c && b[this.i + 1] === 0x75) {
              const save = this.i;
              this.i += 2;
              const r2 = this.hex4();
              if (r2 >= 0xdc00 && r2 < 0xe000) {
                pieces += String.fromCodePoint(((r - 0xd800) << 10) + (r2 - 0xdc00) + 0x10000);
                break;
              }
              this.i = save;
            }
            r = 0xfffd;
          } else if (r >= 0xdc00 && r < 0xe000) r = 0xfffd;
          pieces += String.fromCharCode(r);
          break;
        }
        default:
          this.bad(e, 'in string escape code');
      }
      plainStart = this.i;
    }
  }

  private hex4(): number {
    const b = this.b;
    let r = 0;
    for (let k = 0; k < 4; k++) {
      if (this.i >= b.length) this.eof();
      const c = b[this.i];
      const d = c >= 0x30 && c <= 0x39 ? c - 48 : c >= 0x61 && c <= 0x66 ? c - 87 : c >= 0x41 && c <= 0x46 ? c - 55 : -1;
      if (d < 0) this.bad(c, 'in \\u hexadecimal character escape');
      r = r * 16 + d;
      this.i++;
    }
    return r;
  }

  private array(): GoValue {
    const items: GoValue[] = [];
    this.elements(0x5d, 'after array element', () => items.push(this.value()));
    return items;
  }

  private object(): GoValue {
    const b = this.b;
    const fields = new Map<string, GoValue>();
    this.elements(0x7d, 'after object key:value pair', () => {
      if (this.i >= b.length) this.eof();
      if (b[this.i] !== 0x22) this.bad(b[this.i], 'looking for beginning of object key string');
      const key = this.string();
      this.ws();
      if (this.i >= b.length) this.eof();
      if (b[this.i] !== 0x3a) this.bad(b[this.i], 'after object key');
      this.i++;
      this.ws();
      fields.set(key, this.value());
    });
    return fields;
  }

  /** The elements of an array or object after its opening bracket, up to `close`; `ctx` names a bad separator. */
  private elements(close: number, ctx: string, element: () => void): void {
    const b = this.b;
    if (++this.depth > this.maxDepth) this.bad(b[this.i], 'exceeded max depth');
    this.i++;
    this.ws();
    if (this.i >= b.length) this.eof();
    if (b[this.i] === close) {
      this.i++;
      this.depth--;
      return;
    }
    for (;;) {
      this.ws();
      element();
      this.ws();
      if (this.i >= b.length) this.eof();
      const c = b[this.i];
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === close) {
        this.i++;
        this.depth--;
        return;
      }
      this.bad(c, ctx);
    }
  }
}

