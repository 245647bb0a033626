// Go's fmt.Sprintf over values decoded into `interface{}` (what string.format receives).

import { goQuote } from '@alloy-lint/parser';
import { fmtFloatVerb, fmtInteger, fmtString, pad, type Flags } from './gofmt-verbs.js';
import { compareStrings, type Value } from './value.js';

/** The Go type name `%T` prints for a decoded argument. */
export function goTypeOf(v: Value): string {
  switch (v.t) {
    case 'null':
      return '<nil>';
    case 'number':
      return v.go;
    case 'string':
      return v.go ?? 'string';
    case 'bool':
      return 'bool';
    case 'array':
      return v.go ?? '[]interface {}';
    case 'object':
      return 'map[string]interface {}';
    case 'function':
      return v.sig;
    case 'capsule':
      return v.kind === 'secret' ? 'alloytypes.Secret' : v.kind === 'optional_secret' ? 'alloytypes.OptionalSecret' : v.go;
  }
}

const VALID: Record<string, string> = {
  bool: 'tv',
  int: 'bcdoOqxXUv',
  float: 'bgGeEfFxXv',
  string: 'svqxX',
};

function badVerb(v: Value, verb: string): string {
  if (v.t === 'null') return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeOf(v)}=${format(v, 'v', plainFlags())})`;
}

function plainFlags(): Flags {
  return { plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false };
}

/** Formats one argument for one verb. */
function format(v: Value, verb: string, f: Flags, depth = 0): string {
  if (verb === 'T') return pad(goTypeOf(v), f);
  switch (v.t) {
    case 'null':
      if (verb === 'v') return pad(f.sharpV && depth > 0 ? 'interface {}(nil)' : '<nil>', f);
      return badVerb(v, verb);
    case 'bool':
      if (!VALID.bool.includes(verb)) return badVerb(v, verb);
      return pad(v.v ? 'true' : 'false', f);
    case 'number':
      if (typeof v.v === 'number') {
        if (!VALID.float.includes(verb)) return badVerb(v, verb);
        return fmtFloatVerb(v.v, verb, f, v.go === 'float32' ? 32 : 64);
      }
      if (!VALID.int.includes(verb)) return badVerb(v, verb);
      if (verb === 'v' && f.sharpV && v.go[0] === 'u') return pad('0x' + v.v.toString(16), f);
      return fmtInteger(v.v, v.go[0] !== 'u', verb === 'v' ? 'd' : verb, f);
    case 'string':
      if (!VALID.string.includes(verb)) return badVerb(v, verb);
      return fmtString(v.v, verb, f);
    case 'capsule':
      if (v.kind === 'secret') {
        if (!VALID.string.includes(verb)) return badVerb(v, verb);
        return fmtString(v.v, verb, f);
      }
      if (v.kind === 'optional_secret') {
        if (f.sharpV) return `alloytypes.OptionalSecret{IsSecret:${v.isSecret}, Value:${goQuote(v.v)}}`;
        const a = format(v.isSecret ? { t: 'bool', v: true } : { t: 'bool', v: false }, verb, f, depth + 1);
        const b = format({ t: 'string', v: v.v }, verb, f, depth + 1);
        return f.plusV ? `{IsSecret:${a} Value:${b}}` : `{${a} ${b}}`;
      }
      return pad(`{}`, f);
    case 'function':
      return verb === 'v' || verb === 'p' ? pad('0x0', f) : badVerb(v, verb);
    case 'array': {
      const items = v.v.map((e) => format(e, verb, f, depth + 1));
      if (f.sharpV) return `${goTypeOf(v)}{${items.join(', ')}}`;
      return '[' + items.join(' ') + ']';
    }
    case 'object': {
      const keys = [...v.v.keys()].sort(compareStrings);
      if (f.sharpV) {
        return 'map[string]interface {}{' + keys.map((k) => goQuote(k) + ':' + format(v.v.get(k)!, verb, f, depth + 1)).join(', ') + '}';
      }
      return 'map[' + keys.map((k) => format({ t: 'string', v: k }, verb, f, depth + 1) + ':' + format(v.v.get(k)!, verb, f, depth + 1)).join(' ') + ']';
    }
  }
}

/** fmt.Sprintf(format, args...) with Go's handling of bad verbs, missing and extra arguments. */
export function sprintf(fmt: string, args: readonly Value[]): string {
  let out = '';
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  const n = fmt.length;
  let i = 0;

  // Parses `[n]` at position i; returns the new argument index.
  const argIndex = (): void => {
    if (i >= n || fmt[i] !== '[') return;
    reordered = true;
    const close = fmt.indexOf(']', i);
    if (close < 0) {
      goodArgNum = false;
      i = n;
      return;
    }
    const num = fmt.slice(i + 1, close);
    const k = /^\d+$/.test(num) ? Number(num) : NaN;
    if (!Number.isInteger(k) || k < 1 || k > args.length) goodArgNum = false;
    else argNum = k - 1;
    i = close + 1;
  };

  const intArg = (): number | undefined => {
    if (argNum >= args.length) return undefined;
    const a = args[argNum++];
    if (a.t === 'number' && typeof a.v === 'bigint') {
      const v = Number(a.v);
      if (Math.abs(v) > 1e6) return undefined;
      return v;
    }
    return undefined;
  };

  while (i < n) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    i = pct + 1;
    const f = plainFlags();
    // Flags.
    for (; i < n; i++) {
      const c = fmt[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = true;
      else if (c === '+') f.plus = true;
      else if (c === '-') f.minus = true;
      else if (c === ' ') f.space = true;
      else break;
    }
    goodArgNum = true;
    // Width.
    argIndex();
    if (i < n && fmt[i] === '*') {
      i++;
      const w = intArg();
      if (w === undefined) out += '%!(BADWIDTH)';
      else if (w < 0) {
        f.minus = true;
        f.wid = -w;
      } else f.wid = w;
    } else {
      const m = /^\d+/.exec(fmt.slice(i));
      if (m) {
        f.wid = Number(m[0]);
        i += m[0].length;
      }
    }
    // Precision.
    if (i < n && fmt[i] === '.') {
      i++;
      argIndex();
      if (i < n && fmt[i] === '*') {
        i++;
        const p = intArg();
        if (p === undefined || p < 0) {
          if (p === undefined) out += '%!(BADPREC)';
        } else f.prec = p;
      } else {
        const m = /^\d+/.exec(fmt.slice(i));
        if (m) {
          f.prec = Number(m[0]);
          i += m[0].length;
        } else f.prec = 0;
      }
    }
    argIndex();
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(fmt.codePointAt(i)!);
    i += verb.length;
    if (f.minus) f.zero = false;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (!goodArgNum) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argNum++];
    if (verb === 'v') {
      if (f.sharp) {
        f.sharp = false;
        f.sharpV = true;
      }
      if (f.plus) {
        f.plus = false;
        f.plusV = true;
      }
    }
    if (f.sharpV && arg.t === 'string' && !arg.go) out += goQuote(arg.v);
    else out += format(arg, verb, f);
  }
  if (!reordered && argNum < args.length) {
    out += '%!(EXTRA ';
    out += args
      .slice(argNum)
      .map((a) => (a.t === 'null' ? '<nil>' : `${goTypeOf(a)}=${format(a, 'v', plainFlags())}`))
      .join(', ');
    out += ')';
  }
  return out;
}
