// Best-effort evaluation of Go default values: literals, constants, composite literals,
// simple functions and SetToDefault-style methods. Anything else evaluates to unknown.
import { parseDuration as goParseDuration } from '@alloy-lint/gostd';
import type { GoFile, Workspace } from './loader.js';
import { field, named, stringLit, type Node } from './ts.js';

export type GoValue =
  | { v: 'num'; n: number }
  | { v: 'str'; s: string }
  | { v: 'bool'; b: boolean }
  | { v: 'nil' }
  | { v: 'list'; items: GoValue[] }
  | { v: 'map'; entries: [GoValue, GoValue][] }
  | { v: 'struct'; fields: Map<string, GoValue>; entries?: [GoValue, GoValue][] }
  | { v: 'unknown' };

export const UNKNOWN: GoValue = { v: 'unknown' };
type Env = Map<string, GoValue>;

/** Constants and tables of packages outside the tree that defaults and checks use, by import path. */
const U = 'github.com/alecthomas/units';
const EXTERNAL_VALUES: Record<string, number | string | boolean | Record<string, number>> = {
  'time.Nanosecond': 1, 'time.Microsecond': 1e3, 'time.Millisecond': 1e6, 'time.Second': 1e9,
  'time.Minute': 60e9, 'time.Hour': 3600e9,
  [`${U}.Byte`]: 1, [`${U}.KiB`]: 1024, [`${U}.MiB`]: 1024 ** 2, [`${U}.GiB`]: 1024 ** 3, [`${U}.TiB`]: 1024 ** 4,
  [`${U}.Kibibyte`]: 1024, [`${U}.Mebibyte`]: 1024 ** 2, [`${U}.Gibibyte`]: 1024 ** 3,
  [`${U}.KB`]: 1000, [`${U}.MB`]: 1e6, [`${U}.GB`]: 1e9,
  'math.MaxInt32': 2147483647, 'math.MaxInt64': 2 ** 63 - 1, 'math.MaxInt': 2 ** 63 - 1,
  'math.MaxUint32': 4294967295, 'math.MaxFloat64': Number.MAX_VALUE,
  'net/http.MethodGet': 'GET', 'net/http.MethodPost': 'POST', 'net/http.MethodPut': 'PUT',
  'github.com/prometheus/common/config.TLSVersions': { TLS13: 0x304, TLS12: 0x303, TLS11: 0x302, TLS10: 0x301 },
};

function externalValue(key: string): GoValue {
  const c = EXTERNAL_VALUES[key];
  if (c === undefined) return UNKNOWN;
  if (typeof c === 'number') return { v: 'num', n: c };
  if (typeof c === 'string') return { v: 'str', s: c };
  if (typeof c === 'boolean') return { v: 'bool', b: c };
  return { v: 'map', entries: Object.entries(c).map(([k, n]) => [{ v: 'str', s: k }, { v: 'num', n }]) };
}
/** External type names used as conversions in default expressions. */
const CONVERSIONS = /^(u?int(8|16|32|64)?|float(32|64)|string|bool|byte|\[\]byte|time\.Duration|model\.Duration|units\.Base2Bytes|flagext\.\w+|\w+\.Secret)$/;

export class Evaluator {
  private readonly varCache = new Map<string, GoValue>();
  private depth = 0;

  constructor(readonly ws: Workspace) {}

  eval(node: Node | null, file: GoFile, env: Env = new Map(), iota = 0): GoValue {
    if (!node || this.depth > 40) return UNKNOWN;
    this.depth++;
    try {
      return this.evalInner(node, file, env, iota);
    } finally {
      this.depth--;
    }
  }

  private evalInner(node: Node, file: GoFile, env: Env, iota: number): GoValue {
    switch (node.type) {
      case 'int_literal':
        return { v: 'num', n: Number(node.text.replace(/_/g, '').replace(/^0(\d)/, '0o$1')) };
      case 'float_literal':
        return { v: 'num', n: Number(node.text.replace(/_/g, '')) };
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return { v: 'str', s: stringLit(node) ?? '' };
      case 'rune_literal':
        return { v: 'num', n: node.text.codePointAt(1) ?? 0 };
      case 'true':
      case 'false':
        return { v: 'bool', b: node.type === 'true' };
      case 'nil':
        return { v: 'nil' };
      case 'iota':
        return { v: 'num', n: iota };
      case 'parenthesized_expression':
        return this.eval(named(node)[0], file, env, iota);
      case 'identifier':
        if (env.has(node.text)) return env.get(node.text)!;
        if (node.text === 'iota') return { v: 'num', n: iota };
        return this.pkgValue(file.pkg.path, node.text);
      case 'selector_expression':
        return this.selector(node, file, env);
      case 'unary_expression': {
        const op = field(node, 'operator')?.text;
        const x = this.eval(field(node, 'operand'), file, env, iota);
        if (op === '&' || op === '*' || op === '+') return x;
        if (op === '-' && x.v === 'num') return { v: 'num', n: -x.n };
        if (op === '!' && x.v === 'bool') return { v: 'bool', b: !x.b };
        return UNKNOWN;
      }
      case 'binary_expression':
        return this.binary(node, file, env, iota);
      case 'composite_literal':
        return this.composite(field(node, 'body'), file, env);
      case 'call_expression':
        return this.call(node, file, env);
      case 'type_conversion_expression':
        return this.eval(field(node, 'operand'), file, env, iota);
      default:
        return UNKNOWN;
    }
  }

  private binary(node: Node, file: GoFile, env: Env, iota: number): GoValue {
    const l = this.eval(field(node, 'left'), file, env, iota);
    const r = this.eval(field(node, 'right'), file, env, iota);
    const op = field(node, 'operator')?.text;
    if (l.v === 'str' && r.v === 'str' && op === '+') return { v: 'str', s: l.s + r.s };
    if (l.v !== 'num' || r.v !== 'num') return UNKNOWN;
    const ops: Record<string, (a: number, b: number) => number> = {
      '*': (a, b) => a * b, '+': (a, b) => a + b, '-': (a, b) => a - b, '/': (a, b) => (Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b),
      '<<': (a, b) => a * 2 ** b, '>>': (a, b) => Math.floor(a / 2 ** b), '%': (a, b) => a % b, '|': (a, b) => a | b,
    };
    const f = op ? ops[op] : undefined;
    return f ? { v: 'num', n: f(l.n, r.n) } : UNKNOWN;
  }

  private selector(node: Node, file: GoFile, env: Env): GoValue {
    const op = field(node, 'operand');
    const f = field(node, 'field')?.text ?? '';
    if (op?.type === 'identifier' && !env.has(op.text)) {
      const path = this.ws.qualifier(file, op.text);
      if (path) {
        if (!this.ws.isInTree(path)) return externalValue(`${path}.${f}`);
        return this.pkgValue(path, f);
      }
    }
    const base = this.eval(op, file, env);
    if (base.v === 'struct') return base.fields.get(f) ?? UNKNOWN;
    return UNKNOWN;
  }

  /** The value of a package-level const or var. */
  pkgValue(pkgPath: string, name: string): GoValue {
    const key = `${pkgPath}.${name}`;
    if (this.varCache.has(key)) return this.varCache.get(key)!;
    this.varCache.set(key, UNKNOWN); // guards cycles
    const decl = this.ws.load(pkgPath)?.values.get(name);
    const v = decl ? this.eval(decl.value, decl.file, new Map(), decl.iota) : UNKNOWN;
    this.varCache.set(key, v);
    return v;
  }

  private composite(body: Node | null, file: GoFile, env: Env): GoValue {
    const elems = named(body);
    if (elems.length > 0 && elems.every((e) => e.type === 'keyed_element')) {
      // Struct (identifier keys) or map (expression keys); both are read the same way.
      const entries: [GoValue, GoValue][] = [];
      const fields = new Map<string, GoValue>();
      let isStruct = true;
      for (const e of elems) {
        const [k, v] = named(e).map((c) => named(c)[0] ?? c);
        const val = v?.type === 'literal_value' ? this.composite(v, file, env) : this.eval(v, file, env);
        if (k?.type === 'identifier' || k?.type === 'field_identifier') fields.set(k.text, val);
        else isStruct = false;
        entries.push([k?.type === 'literal_value' ? UNKNOWN : this.evalKey(k, file, env), val]);
      }
      // Identifier keys are struct fields or map keys naming constants; keep both readings.
      return isStruct ? { v: 'struct', fields, entries } : { v: 'map', entries };
    }
    if (elems.length === 0) return { v: 'struct', fields: new Map() };
    const items = elems.map((e) => {
      const inner = named(e)[0];
      return inner?.type === 'literal_value' ? this.composite(inner, file, env) : this.eval(inner, file, env);
    });
    return { v: 'list', items };
  }

  private evalKey(k: Node | undefined, file: GoFile, env: Env): GoValue {
    return k ? this.eval(k, file, env) : UNKNOWN;
  }

  private call(node: Node, file: GoFile, env: Env): GoValue {
    const fn = field(node, 'function');
    const args = named(field(node, 'arguments'));
    if (!fn) return UNKNOWN;
    const callee = fn.type === 'selector_expression' ? field(fn, 'field')?.text ?? '' : fn.text;
    if (args.length === 1 && /^(must)?(new|parse|compile)/i.test(callee)) {
      // mustNewRegexp("(.*)"), time.ParseDuration("5s"), ...: the text form of the value.
      const a = this.eval(args[0], file, env);
      if (a.v === 'str' && /duration/i.test(callee)) {
        const ns = parseDuration(a.s);
        return ns === null ? UNKNOWN : { v: 'num', n: ns };
      }
      if (a.v === 'str') return a;
    }
    if (args.length === 1 && (CONVERSIONS.test(fn.text) || this.isInTreeType(fn, file))) return this.eval(args[0], file, env);
    if (fn.type === 'identifier') {
      const decl = file.pkg.funcs.get(fn.text);
      return decl ? this.runFunc(decl.node, decl.file) : UNKNOWN;
    }
    if (fn.type === 'selector_expression') {
      const op = field(fn, 'operand');
      const name = field(fn, 'field')?.text ?? '';
      if (op?.type === 'identifier' && !env.has(op.text)) {
        const path = this.ws.qualifier(file, op.text);
        if (path) {
          const decl = this.ws.load(path)?.funcs.get(name);
          return decl ? this.runFunc(decl.node, decl.file) : UNKNOWN;
        }
      }
      // x.Clone() / x.Copy(): treat as the value itself.
      if (/^(Clone|Copy|DeepCopy)$/.test(name)) return this.eval(op, file, env);
    }
    return UNKNOWN;
  }

  private isInTreeType(fn: Node, file: GoFile): boolean {
    if (fn.type === 'identifier') return file.pkg.types.has(fn.text);
    if (fn.type === 'selector_expression') {
      const op = field(fn, 'operand');
      const path = op?.type === 'identifier' ? this.ws.qualifier(file, op.text) : null;
      return !!path && !!this.ws.load(path)?.types.has(field(fn, 'field')?.text ?? '');
    }
    return false;
  }

  /** Runs a function without parameters and returns its first result. */
  runFunc(fnNode: Node, file: GoFile): GoValue {
    const env: Env = new Map();
    let result: GoValue = UNKNOWN;
    this.runBlock(field(fnNode, 'body'), file, env, null, (v) => (result = v));
    return result;
  }

  /**
   * Runs statements of a body. Assignments to `*recv`, `recv.a.b` and locals are tracked;
   * `return` ends the run. Returns the receiver's final value.
   */
  runBlock(body: Node | null, file: GoFile, env: Env, recv: { name: string; value: GoValue } | null, onReturn?: (v: GoValue) => void): GoValue | null {
    const stmts = named(named(body).find((c) => c.type === 'statement_list') ?? body);
    for (const st of stmts) {
      if (st.type === 'return_statement') {
        const e = named(named(st)[0])[0];
        if (onReturn && e) onReturn(this.eval(e, file, env));
        break;
      }
      if (st.type === 'short_var_declaration' || st.type === 'assignment_statement') {
        if (st.type === 'assignment_statement' && field(st, 'operator')?.text !== '=') continue;
        const lefts = named(field(st, 'left'));
        const rights = named(field(st, 'right'));
        lefts.forEach((l, i) => {
          const val = rights.length === lefts.length ? this.eval(rights[i], file, env) : UNKNOWN;
          this.assign(l, val, env, recv);
        });
      } else if (st.type === 'var_declaration') {
        for (const spec of st.descendantsOfType('var_spec')) {
          if (!spec) continue;
          const names = spec.childrenForFieldName('name').filter((n) => n?.type === 'identifier');
          const vals = named(field(spec, 'value'));
          names.forEach((n, i) => n && env.set(n.text, vals[i] ? this.eval(vals[i], file, env) : { v: 'struct', fields: new Map() }));
        }
      } else if (st.type === 'expression_statement' && recv && this.onCall) {
        this.onCall(named(st)[0], file, env, recv);
      }
    }
    return recv ? recv.value : null;
  }

  /** Hook for `recv.Field.SetToDefault()` calls; installed by the schema builder. */
  onCall?: (call: Node, file: GoFile, env: Env, recv: { name: string; value: GoValue }) => void;

  private assign(l: Node, val: GoValue, env: Env, recv: { name: string; value: GoValue } | null): void {
    if (l.type === 'identifier') {
      if (recv && l.text === recv.name) recv.value = val;
      else env.set(l.text, val);
      return;
    }
    if (l.type === 'unary_expression' && field(l, 'operator')?.text === '*') {
      const op = field(l, 'operand');
      if (recv && op?.text === recv.name) recv.value = val;
      return;
    }
    const path = selectorPath(l);
    if (!path) return;
    const [root, ...rest] = path;
    if (recv && root === recv.name) recv.value = setPath(recv.value, rest, val);
    else if (env.has(root)) env.set(root, setPath(env.get(root)!, rest, val));
  }
}

/** `a.b.c` as ['a', 'b', 'c'], or null for other expressions. */
export function selectorPath(n: Node | null): string[] | null {
  if (!n) return null;
  if (n.type === 'identifier') return [n.text];
  if (n.type === 'parenthesized_expression') return selectorPath(named(n)[0]);
  if (n.type === 'unary_expression' && field(n, 'operator')?.text === '*') return selectorPath(field(n, 'operand'));
  if (n.type !== 'selector_expression') return null;
  const base = selectorPath(field(n, 'operand'));
  const f = field(n, 'field');
  return base && f ? [...base, f.text] : null;
}

export function setPath(target: GoValue, path: string[], val: GoValue): GoValue {
  if (path.length === 0) return val;
  const fields = new Map(target.v === 'struct' ? target.fields : []);
  fields.set(path[0], setPath(fields.get(path[0]) ?? { v: 'struct', fields: new Map() }, path.slice(1), val));
  return { v: 'struct', fields };
}

/**
 * A duration string in nanoseconds: time.ParseDuration's syntax, or Prometheus'
 * model.ParseDuration (which also has d, w and y units) when Go's does not parse it.
 */
export function parseDuration(s: string): number | null {
  try {
    return Number(goParseDuration(s));
  } catch {
    return promDuration(s);
  }
}

function promDuration(s: string): number | null {
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9, d: 86400e9, w: 604800e9, y: 31536000e9 };
  if (s === '0') return 0;
  let total = 0;
  let rest = s;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w|y)/.exec(rest);
    if (!m) return null;
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}
