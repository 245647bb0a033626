import { evaluateText, printValue, type Scope, type Value } from '../src/index.js';

/** Evaluates `expr` and renders the outcome as one string: the value as Alloy text or the error text. */
export function run(expr: string, opts: { scope?: Scope; env?: Record<string, string>; target?: string } = {}): string {
  const r = evaluateText(expr, opts.scope, { env: opts.env ?? {}, target: opts.target });
  if (r.errorText !== undefined) return 'error: ' + r.errorText;
  return printValue(r.value as Value);
}

/** Evaluates and returns the value, failing loudly on error. */
export function value(expr: string, opts: { scope?: Scope; env?: Record<string, string>; target?: string } = {}): Value {
  const r = evaluateText(expr, opts.scope, { env: opts.env ?? {}, target: opts.target });
  if (r.errorText !== undefined) throw new Error(`${expr}: ${r.errorText}`);
  return r.value as Value;
}

/** A compact description of a decoded value: `int:5`, `float64:1.5`, `string:"x"`. */
export function typed(v: Value): string {
  switch (v.t) {
    case 'number':
      return `${v.go}:${String(v.v)}`;
    case 'string':
      return v.dur !== undefined ? `duration:${v.dur}` : `string:${JSON.stringify(v.v)}`;
    case 'array':
      return `[${v.v.map(typed).join(' ')}]`;
    case 'object':
      return `{${[...v.v].map(([k, x]) => `${k}=${typed(x)}`).join(' ')}}`;
    case 'capsule':
      return v.kind === 'opaque' ? `capsule:${v.go}` : `${v.kind}:${v.v}${v.kind === 'optional_secret' ? (v.isSecret ? '!' : '') : ''}`;
    default:
      return `${v.t}:${'v' in v ? String(v.v) : ''}`;
  }
}
