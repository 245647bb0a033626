import { Tok } from './token.js';
import { decodeRune, isDigit as isUnicodeDigit, isLetter as isUnicodeLetter, RUNE_ERROR, runeOf, sprintf, utf8Bytes, utf8Decode, widthOf } from '@alloy-lint/gostd';
import { hashBytes, hashStep, HASH_SEED, TextTable } from './intern.js';

/** Source size from which token texts are shared (see Scanner.table). */
export const INTERN_FROM = 512 * 1024;

export type ScanErrorHandler = (offset: number, message: string) => void;

export interface ScannerOptions {
  /** Return comments as COMMENT tokens (otherwise they are skipped). */
  comments?: boolean;
  /** Insert TERMINATOR tokens for newlines after terminating tokens (default true). */
  terminators?: boolean;
}

const EOF_CH = -1;
const BOM = 0xfeff;

const isDecimal = (c: number) => c >= 0x30 && c <= 0x39;
const lower = (c: number) => c | 0x20;
const isAsciiIdent = (b: number) =>
  (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || (b >= 0x30 && b <= 0x39);

export function isLetter(c: number): boolean {
  const l = lower(c);
  return (l >= 0x61 && l <= 0x7a) || c === 0x5f || (c >= 0x80 && isUnicodeLetter(c));
}

export function isDigit(c: number): boolean {
  return isDecimal(c) || (c >= 0x80 && isUnicodeDigit(c));
}

function digitVal(c: number): number {
  if (isDecimal(c)) return c - 0x30;
  const l = lower(c);
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return 16;
}

/**
 * Turns Alloy source bytes into tokens. Works on bytes so that offsets and
 * columns match Alloy's; reports problems through the error handler and
 * always makes progress.
 */
export class Scanner {
  /** Start offset, kind, literal and end offset of the token last scanned. */
  pos = 0;
  tok: Tok = Tok.EOF;
  lit = '';
  end = 0;
  errorCount = 0;

  private ch = EOF_CH;
  private offset = 0;
  private readOffset = 0;
  private insertTerm = false;
  private readonly comments: boolean;
  private readonly terms: boolean;
  private readonly ascii: boolean;
  private readonly text: string;

  constructor(
    private readonly src: Uint8Array,
    private readonly onError: ScanErrorHandler | undefined,
    options: ScannerOptions = {},
  ) {
    this.comments = options.comments ?? false;
    this.terms = options.terminators ?? true;
    this.text = utf8Decode(src);
    this.ascii = this.text.length === src.length;
    this.table = this.ascii && src.length >= INTERN_FROM ? new TextTable() : undefined;
    this.next();
    if (this.c() === BOM) this.next();
  }

  /**
   * Shared token texts, for ASCII sources above INTERN_FROM bytes: there they save a tenth of
   * the tree's heap and the collector's time; below, the lookups cost more than they save.
   */
  private readonly table: TextTable | undefined;

  /** Text of `[start, end)`, one string per distinct text for ASCII sources (see TextTable). */
  private interned(start: number, end: number, hash = hashBytes(this.src, start, end)): string {
    return this.table ? this.table.get(this.src, this.text, start, end, hash) : this.slice(start, end);
  }

  /** Text of the bytes in [start, end). */
  slice(start: number, end: number): string {
    return this.ascii ? this.text.slice(start, end) : utf8Decode(this.src, start, end);
  }

  private error(offset: number, msg: string): void {
    this.errorCount++;
    this.onError?.(offset, msg);
  }

  private next(): void {
    const src = this.src;
    if (this.readOffset >= src.length) {
      this.offset = src.length;
      this.ch = EOF_CH;
      return;
    }
    this.offset = this.readOffset;
    let r = src[this.readOffset];
    let w = 1;
    if (r === 0) {
      this.error(this.offset, 'illegal character NUL');
    } else if (r >= 0x80) {
      const packed = decodeRune(src, this.readOffset);
      r = runeOf(packed);
      w = widthOf(packed);
      if (r === RUNE_ERROR && w === 1) this.error(this.offset, 'illegal UTF-8 encoding');
      else if (r === BOM && this.offset > 0) this.error(this.offset, 'illegal byte order mark');
    }
    this.readOffset += w;
    this.ch = r;
  }

  private c(): number {
    return this.ch;
  }

  private peek(): number {
    return this.readOffset < this.src.length ? this.src[this.readOffset] : 0;
  }

  /** Scans the next token into `pos`, `tok`, `lit` and `end`. */
  scan(): Tok {
    for (;;) {
      this.skipWhitespace();
      const pos = this.offset;
      const ch = this.ch;
      let insertTerm = false;
      let tok: Tok;
      let lit = '';

      if (isLetter(ch)) {
        lit = this.scanIdentifier();
        tok = Tok.IDENT;
        if (lit === 'true' || lit === 'false') tok = Tok.BOOL;
        else if (lit === 'null') tok = Tok.NULL;
        insertTerm = true;
      } else if (isDecimal(ch) || (ch === 0x2e && isDecimal(this.peek()))) {
        insertTerm = true;
        tok = this.scanNumber();
        lit = this.slice(pos, this.offset);
      } else {
        this.next();
        switch (ch) {
          case EOF_CH:
            if (this.insertTerm) {
              this.insertTerm = false;
              return this.emit(pos, Tok.TERMINATOR, '\n', pos);
            }
            tok = Tok.EOF;
            break;
          case 0x0a:
            this.insertTerm = false;
            return this.emit(pos, Tok.TERMINATOR, '\n', pos);
          case 0x27: // '
            this.error(pos, 'illegal single-quoted string; use double quotes');
            insertTerm = true;
            tok = Tok.ILLEGAL;
            lit = this.scanString(0x27, true, false);
            break;
          case 0x22: // "
            insertTerm = true;
            tok = Tok.STRING;
            lit = this.scanString(0x22, true, false);
            break;
          case 0x60: // `
            insertTerm = true;
            tok = Tok.STRING;
            lit = this.scanString(0x60, false, true);
            break;
          case 0x7c: // |
            if (this.c() !== 0x7c) this.error(this.offset, 'missing second | in ||');
            else this.next();
            tok = Tok.OR;
            break;
          case 0x26: // &
            if (this.c() !== 0x26) this.error(this.offset, 'missing second & in &&');
            else this.next();
            tok = Tok.AND;
            break;
          case 0x21: tok = this.pair(Tok.NOT, Tok.NEQ); break;
          case 0x3d: tok = this.pair(Tok.ASSIGN, Tok.EQ); break;
          case 0x3c: tok = this.pair(Tok.LT, Tok.LTE); break;
          case 0x3e: tok = this.pair(Tok.GT, Tok.GTE); break;
          case 0x2b: tok = Tok.ADD; break;
          case 0x2d: tok = Tok.SUB; break;
          case 0x2a: tok = Tok.MUL; break;
          case 0x2f: // /
            if (this.c() === 0x2f || this.c() === 0x2a) {
              if (this.insertTerm && this.commentEndsLine()) {
                // Rewind to the comment: the next scan reads it again.
                this.ch = 0x2f;
                this.offset = pos;
                this.readOffset = pos + 1;
                this.insertTerm = false;
                return this.emit(pos, Tok.TERMINATOR, '\n', pos);
              }
              const comment = this.scanComment();
              if (!this.comments) {
                this.insertTerm = false;
                continue;
              }
              tok = Tok.COMMENT;
              lit = comment;
            } else {
              tok = Tok.DIV;
            }
            break;
          case 0x25: tok = Tok.MOD; break;
          case 0x5e: tok = Tok.POW; break;
          case 0x7b: tok = Tok.LCURLY; break;
          case 0x7d: insertTerm = true; tok = Tok.RCURLY; break;
          case 0x28: tok = Tok.LPAREN; break;
          case 0x29: insertTerm = true; tok = Tok.RPAREN; break;
          case 0x5b: tok = Tok.LBRACK; break;
          case 0x5d: insertTerm = true; tok = Tok.RBRACK; break;
          case 0x2c: tok = Tok.COMMA; break;
          case 0x2e: tok = Tok.DOT; break;
          default:
            if (ch !== BOM) this.error(pos, `illegal character ${formatRune(ch)}`);
            insertTerm = this.insertTerm;
            tok = Tok.ILLEGAL;
            lit = String.fromCodePoint(ch);
        }
      }
      if (this.terms) this.insertTerm = insertTerm;
      return this.emit(pos, tok, lit, this.offset);
    }
  }

  private emit(pos: number, tok: Tok, lit: string, end: number): Tok {
    this.pos = pos;
    this.tok = tok;
    this.lit = lit;
    this.end = end;
    return tok;
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.ch;
      if (c === 0x20 || c === 0x09 || c === 0x0d || (c === 0x0a && !this.insertTerm)) this.next();
      else return;
    }
  }

  private pair(one: Tok, two: Tok): Tok {
    if (this.c() === 0x3d) {
      this.next();
      return two;
    }
    return one;
  }

  private scanIdentifier(): string {
    const start = this.offset;
    const src = this.src;
    let i = this.readOffset;
    let h = hashStep(HASH_SEED, src[start]);
    while (i < src.length && isAsciiIdent(src[i])) h = hashStep(h, src[i++]);
    if (i >= src.length) {
      this.offset = this.readOffset = src.length;
      this.ch = EOF_CH;
    } else {
      const b = src[i];
      this.readOffset = i;
      if (b > 0 && b < 0x80) {
        this.ch = b;
        this.offset = i;
        this.readOffset = i + 1;
      } else {
        this.next();
        while (isLetter(this.ch) || isDigit(this.ch)) this.next();
        return this.slice(start, this.offset);
      }
    }
    return this.interned(start, this.offset, h);
  }

  private scanNumber(): Tok {
    const start = this.offset;
    let tok = Tok.NUMBER;
    if (this.c() !== 0x2e) this.digits();
    if (this.c() === 0x2e) {
      tok = Tok.FLOAT;
      this.next();
      this.digits();
    }
    if (lower(this.ch) === 0x65) {
      tok = Tok.FLOAT;
      this.next();
      if (this.c() === 0x2b || this.c() === 0x2d) this.next();
      if (this.digits() === 0) this.error(start, 'exponent has no digits');
    }
    return tok;
  }

  private digits(): number {
    let n = 0;
    while (isDecimal(this.ch)) {
      this.next();
      n++;
    }
    return n;
  }

  private scanString(until: number, escapes: boolean, multiline: boolean): string {
    const start = this.offset - 1;
    for (;;) {
      const c = this.ch;
      if ((!multiline && c === 0x0a) || c === EOF_CH) {
        this.error(start, 'string literal not terminated');
        break;
      }
      this.next();
      if (c === until) break;
      if (escapes && c === 0x5c) this.scanEscape();
    }
    // Short strings repeat (values, labels); long ones are slices sharing the source text.
    return this.offset - start <= 24 ? this.interned(start, this.offset) : this.slice(start, this.offset);
  }

  private scanEscape(): void {
    const at = this.offset;
    let n: number;
    let base: number;
    let max: number;
    switch (this.ch) {
      case 0x61: case 0x62: case 0x66: case 0x6e: case 0x72: case 0x74: case 0x76: case 0x5c: case 0x22:
        this.next();
        return;
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37:
        n = 3; base = 8; max = 255;
        break;
      case 0x78: this.next(); n = 2; base = 16; max = 255; break;
      case 0x75: this.next(); n = 4; base = 16; max = 0x10ffff; break;
      case 0x55: this.next(); n = 8; base = 16; max = 0x10ffff; break;
      default:
        this.error(at, this.c() === EOF_CH ? 'escape sequence not terminated' : 'unknown escape sequence');
        return;
    }
    let x = 0;
    for (; n > 0; n--) {
      const d = digitVal(this.ch);
      if (d >= base) {
        this.error(
          at,
          this.c() === EOF_CH ? 'escape sequence not terminated' : `illegal character ${formatRune(this.ch)} in escape sequence`,
        );
        return;
      }
      x = x * base + d;
      this.next();
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) this.error(at, 'escape sequence is invalid Unicode code point');
  }

  private scanComment(): string {
    const start = this.offset - 1;
    let crs = 0;
    let block = false;
    let closed = true;
    if (this.c() === 0x2f) {
      this.next();
      while (this.c() !== 0x0a && this.c() !== EOF_CH) {
        if (this.c() === 0x0d) crs++;
        this.next();
      }
    } else {
      block = true;
      closed = false;
      this.next();
      while (this.c() !== EOF_CH) {
        const c = this.ch;
        if (c === 0x0d) crs++;
        this.next();
        if (c === 0x2a && this.c() === 0x2f) {
          this.next();
          closed = true;
          break;
        }
      }
      if (!closed) this.error(start, 'block comment not terminated');
    }
    let end = this.offset;
    if (crs > 0 && end > start && this.src[end - 1] === 0x0d) {
      end--;
      crs--;
    }
    const lit = this.slice(start, end);
    return crs > 0 ? stripCR(lit, block) : lit;
  }

  /**
   * Looks ahead from a comment start: true when only comments separate the
   * current position from the end of the line (or file). Restores the state.
   */
  private commentEndsLine(): boolean {
    const back = this.offset - 1;
    const result = this.lookForLineEnd();
    this.ch = 0x2f;
    this.offset = back;
    this.readOffset = back + 1;
    this.next();
    return result;
  }

  private lookForLineEnd(): boolean {
    while (this.c() === 0x2f || this.c() === 0x2a) {
      if (this.c() === 0x2f) return true;
      this.next();
      while (this.c() !== EOF_CH) {
        const c = this.ch;
        if (c === 0x0a) return true;
        this.next();
        if (c === 0x2a && this.c() === 0x2f) {
          this.next();
          break;
        }
      }
      this.skipWhitespace();
      if (this.c() === EOF_CH || this.c() === 0x0a) return true;
      if (this.c() !== 0x2f) return false;
      this.next();
    }
    return false;
  }
}

function stripCR(lit: string, block: boolean): string {
  let out = '';
  for (let j = 0; j < lit.length; j++) {
    const c = lit[j];
    if (c !== '\r' || (block && out.length > 2 && out[out.length - 1] === '*' && j + 1 < lit.length && lit[j + 1] === '/')) {
      out += c;
    }
  }
  return out;
}

/** A rune as Go's `%#U` prints it: `U+0023 '#'`, or `U+0007` when not printable. */
function formatRune(r: number): string {
  return sprintf('%#U', [BigInt(r)]);
}

/** Reports whether `s` is exactly one Alloy identifier. */
const ASCII_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isValidIdentifier(s: string | Uint8Array): boolean {
  if (typeof s === 'string' && ASCII_IDENT.test(s)) return s !== 'true' && s !== 'false' && s !== 'null';
  const bytes = typeof s === 'string' ? utf8Bytes(s) : s;
  const sc = new Scanner(bytes, undefined, { terminators: false });
  const tok = sc.scan();
  return tok === Tok.IDENT && sc.end === bytes.length && sc.pos === 0;
}
