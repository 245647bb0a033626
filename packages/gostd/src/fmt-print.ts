// fmt.Sprintf, Sprint and Sprintln over GoValues, following fmt's printArg/printValue:
// bad verbs (`%!d(string=x)`), missing and extra arguments, argument indexes, `*` widths.

import { goEntries, goFields, goItems, goKind, goScalar, goTypeName, isByteSlice, type GoValue } from './go-value.js';
import { fmtBytes, fmtChar, fmtFloat, fmtInteger, fmtQuotedChar, fmtString, fmtUnicode, pad, plainFlags, type Flags } from './fmt-verbs.js';
import { compareStrings } from './strings.js';

type Entry = readonly [string, GoValue];

function sortedEntries(v: GoValue): Entry[] {
  return [...goEntries(v).entries()].sort((a, b) => compareStrings(a[0], b[0]));
}

class Printer {
  out = '';
  f: Flags = plainFlags();
  /** The argument a bad verb reports (set by printValue). */
  private cur: GoValue = null;

  /** fmt's printArg: `v` is an operand (a nil interface prints `<nil>`). */
  printArg(v: GoValue, verb: string): void {
    this.cur = v;
    if (v === null) {
      if (verb === 'T' || verb === 'v') this.out += pad('<nil>', this.f);
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.out += pad(goTypeName(v), this.f);
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(v, verb);
      return;
    }
    this.printValue(v, verb, 0);
  }

  private badVerb(verb: string): void {
    const v = this.cur;
    this.out += `%!${verb}(`;
    if (v === null) this.out += '<nil>';
    else {
      this.out += goTypeName(v) + '=';
      this.printArg(v, 'v');
    }
    this.out += ')';
    this.cur = v;
  }

  private fmtPointer(v: GoValue, verb: string): void {
    const k = goKind(v);
    if (k !== 'func' && k !== 'map' && k !== 'slice') return this.badVerb(verb);
    if (verb === 'v' && this.f.sharpV) this.out += `(${goTypeName(v)})(0x0)`;
    else if (verb === 'v' || verb === 'p') this.out += pad('0x0', this.f);
    else if ('bodxX'.includes(verb)) this.out += fmtInteger(0n, false, verb, this.f);
    else this.badVerb(verb);
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    this.cur = v;
    const f = this.f;
    const k = goKind(v);
    switch (k) {
      case 'nil': // a nil interface inside a container
        this.out += f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.out += pad(String(goScalar(v)), f);
        else this.badVerb(verb);
        return;
      case 'int':
      case 'uint':
        return this.fmtInt(goScalar(v) as bigint, k === 'int', verb);
      case 'float': {
        const x = goScalar(v) as number;
        const bits = goTypeName(v) === 'float32' ? 32 : 64;
        if ('vbgGxXfeEF'.includes(verb)) this.out += fmtFloat(x, verb, f, bits);
        else this.badVerb(verb);
        return;
      }
      case 'string': {
        const s = goScalar(v) as string;
        if ('vsxXq'.includes(verb)) this.out += fmtString(s, verb, f);
        else this.badVerb(verb);
        return;
      }
      case 'slice':
        if ('sqxX'.includes(verb) && isByteSlice(v)) {
          this.out += fmtBytes(Uint8Array.from(goItems(v), (b) => Number(goScalar(b))), verb, f);
          return;
        }
        this.out += f.sharpV ? goTypeName(v) + '{' : '[';
        goItems(v).forEach((e, i) => {
          if (i > 0) this.out += f.sharpV ? ', ' : ' ';
          this.printValue(e, verb, depth + 1);
        });
        this.out += f.sharpV ? '}' : ']';
        return;
      case 'map':
        this.out += f.sharpV ? goTypeName(v) + '{' : 'map[';
        sortedEntries(v).forEach(([key, val], i) => {
          if (i > 0) this.out += f.sharpV ? ', ' : ' ';
          this.printValue(key, verb, depth + 1);
          this.out += ':';
          this.printValue(val, verb, depth + 1);
        });
        this.out += f.sharpV ? '}' : ']';
        return;
      case 'struct':
        if (f.sharpV) this.out += goTypeName(v);
        this.out += '{';
        goFields(v).forEach(([name, val], i) => {
          if (i > 0) this.out += f.sharpV ? ', ' : ' ';
          if (f.plusV || f.sharpV) this.out += name + ':';
          this.printValue(val, verb, depth + 1);
        });
        this.out += '}';
        return;
      case 'func':
        return this.fmtPointer(v, verb);
    }
  }

  private fmtInt(v: bigint, signed: boolean, verb: string): void {
    const f = this.f;
    const u = BigInt.asUintN(64, v);
    switch (verb) {
      case 'v':
        this.out += f.sharpV && !signed ? fmtInteger(v, false, 'x', { ...f, sharp: true }) : fmtInteger(v, signed, 'd', f);
        return;
      case 'd':
      case 'b':
      case 'o':
      case 'O':
      case 'x':
      case 'X':
        this.out += fmtInteger(v, signed, verb, f);
        return;
      case 'c':
        this.out += fmtChar(u, f);
        return;
      case 'q':
        this.out += fmtQuotedChar(u > 0x10ffffn ? 0xfffdn : u, f);
        return;
      case 'U':
        this.out += fmtUnicode(u, f);
        return;
    }
    this.badVerb(verb);
  }
}

/** fmt's parsenum: digits at `i`; a number above 10^6 makes the whole rest unusable (`ok` false, end = n). */
function parseNum(s: string, i: number): { num: number; ok: boolean; end: number } {
  let num = 0;
  let ok = false;
  let j = i;
  for (; j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57; j++) {
    if (num > 1e6) return { num: 0, ok: false, end: s.length };
    num = num * 10 + s.charCodeAt(j) - 48;
    ok = true;
  }
  return { num, ok, end: j };
}

/** An int-kind argument usable as a width or precision (|n| ≤ 10^6), else undefined. */
function intArg(v: GoValue): number | undefined {
  const k = goKind(v);
  if (k !== 'int' && k !== 'uint') return undefined;
  const n = goScalar(v) as bigint;
  if (n > 1000000n || n < -1000000n) return undefined;
  return Number(n);
}

/** fmt.Sprintf(format, args...). */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  const n = format.length;
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  let afterIndex = false;
  // `[n]` at i: returns the new index; sets afterIndex.
  const argNumber = (i: number): number => {
    afterIndex = false;
    if (i >= n || format[i] !== '[') return i;
    reordered = true;
    const close = format.indexOf(']', i);
    if (n - i < 3 || close < 0) {
      goodArgNum = false;
      return i + 1;
    }
    const r = parseNum(format, i + 1);
    if (!r.ok || r.end !== close) {
      goodArgNum = false;
      return close + 1;
    }
    afterIndex = true;
    if (r.num - 1 >= 0 && r.num - 1 < args.length) argNum = r.num - 1;
    else goodArgNum = false;
    return close + 1;
  };
  for (let i = 0; i < n; ) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.out += format.slice(i);
      break;
    }
    p.out += format.slice(i, pct);
    i = pct + 1;
    const f = (p.f = plainFlags());
    for (; i < n; i++) {
      const c = format[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = true;
      else if (c === '+') f.plus = true;
      else if (c === '-') f.minus = true;
      else if (c === ' ') f.space = true;
      else break;
    }
    i = argNumber(i);
    if (i < n && format[i] === '*') {
      i++;
      const w = argNum < args.length ? intArg(args[argNum]) : undefined;
      if (argNum < args.length) argNum++;
      if (w === undefined) p.out += '%!(BADWIDTH)';
      else if (w < 0) {
        f.wid = -w;
        f.minus = true;
        f.zero = false;
      } else f.wid = w;
      afterIndex = false;
    } else {
      const r = parseNum(format, i);
      if (r.ok) f.wid = r.num;
      i = r.end;
      if (afterIndex && r.ok) goodArgNum = false;
    }
    if (i + 1 < n && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      i = argNumber(i);
      if (i < n && format[i] === '*') {
        i++;
        const pr = argNum < args.length ? intArg(args[argNum]) : undefined;
        if (argNum < args.length) argNum++;
        if (pr === undefined || pr < 0) p.out += '%!(BADPREC)';
        else f.prec = pr;
        afterIndex = false;
      } else {
        const r = parseNum(format, i);
        f.prec = r.ok ? r.num : 0;
        i = r.end;
      }
    }
    if (!afterIndex) i = argNumber(i);
    if (i >= n) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.out += '%';
    else if (!goodArgNum) p.out += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.out += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum++], verb);
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = plainFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.out += ', ';
      if (a === null) p.out += '<nil>';
      else {
        p.out += goTypeName(a) + '=';
        p.printArg(a, 'v');
      }
    });
    p.out += ')';
  }
  return p.out;
}

const isStringArg = (v: GoValue) => goKind(v) === 'string';

/** fmt.Sprint: operands in %v, a space between two operands when neither is a string. */
export function sprint(...args: GoValue[]): string {
  return sprintAll(args);
}

/** fmt.Sprint of a list of any length (a spread call has an argument limit). */
export function sprintAll(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0 && !isStringArg(a) && !isStringArg(args[i - 1])) p.out += ' ';
    p.f = plainFlags();
    p.printArg(a, 'v');
  });
  return p.out;
}

/** fmt.Sprintln: operands in %v separated by spaces, then a newline. */
export function sprintln(...args: GoValue[]): string {
  return sprintlnAll(args);
}

/** fmt.Sprintln of a list of any length. */
export function sprintlnAll(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0) p.out += ' ';
    p.f = plainFlags();
    p.printArg(a, 'v');
  });
  return p.out + '\n';
}
