// `rule { ... }` blocks → RelabelRule objects, decoding attribute values with
// Alloy's conversions (numbers convert to strings, null means unset).

import type { Block, Expr } from '@alloy-lint/parser';
import { decode, failureMessage, formatEvalError, isFailure, parseGoType, type GoType, type Value } from '@alloy-lint/values';
import type { RelabelRule } from './rules.js';

const FIELDS: Record<string, GoType> = {
  source_labels: parseGoType('[]string'),
  separator: parseGoType('string'),
  regex: parseGoType('string'),
  modulus: parseGoType('uint64'),
  target_label: parseGoType('string'),
  replacement: parseGoType('string'),
  action: parseGoType('string'),
};

function isValue(v: unknown): v is Value {
  return typeof v === 'object' && v !== null && typeof (v as { t?: unknown }).t === 'string';
}

/** Accepts an Alloy `Value`, an `EvalResult` ({value, error}) or a plain JS value. */
export function toValue(v: unknown): { value: Value } | { error: string } {
  if (isValue(v)) return { value: v };
  if (typeof v === 'object' && v !== null && ('error' in v || 'value' in v) && !Array.isArray(v)) {
    const r = v as { value?: unknown; error?: unknown };
    if (r.error) {
      const e = r.error as { message?: string };
      return { error: typeof e === 'string' ? e : (e.message !== undefined ? formatEvalError(e as never) : String(e)) };
    }
    return toValue(r.value);
  }
  return { value: jsToValue(v) };
}

function jsToValue(v: unknown): Value {
  if (v == null) return { t: 'null' };
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (typeof v === 'bigint') return { t: 'number', go: 'int64', v };
  if (typeof v === 'number') return Number.isInteger(v) ? { t: 'number', go: 'int64', v: BigInt(v) } : { t: 'number', go: 'float64', v };
  if (Array.isArray(v)) return { t: 'array', v: v.map(jsToValue) };
  if (typeof v === 'object') return { t: 'object', v: new Map(Object.entries(v as object).map(([k, e]) => [k, jsToValue(e)])) };
  return { t: 'null' };
}

export function failureText(e: unknown): string {
  if (isFailure(e)) return failureMessage(e);
  const f = e as { message?: unknown };
  if (typeof f?.message === 'string') return f.message;
  return String(e);
}

/** Converts `rule` blocks into rules; `evalExpr` evaluates one attribute expression. */
export function rulesFromBlocks(blocks: Block[], evalExpr: (e: Expr) => unknown): { rules: RelabelRule[] } | { error: string } {
  const rules: RelabelRule[] = [];
  for (const b of blocks) {
    const rule: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const stmt of b.body) {
      if (stmt.kind !== 'Attribute') return { error: `unrecognized block name "${stmt.name.join('.')}"` };
      const name = stmt.name.name;
      const type = FIELDS[name];
      if (!type) return { error: `unrecognized attribute name "${name}"` };
      if (seen.has(name)) return { error: `attribute "${name}" may only be provided once` };
      seen.add(name);
      let raw: unknown;
      try {
        raw = evalExpr(stmt.value);
      } catch (e) {
        return { error: failureText(e) };
      }
      const v = toValue(raw);
      if ('error' in v) return v;
      if (v.value.t === 'null') continue;
      let d: Value;
      try {
        d = decode(v.value, type);
      } catch (e) {
        return { error: failureText(e) };
      }
      if (d.t === 'string') rule[name] = d.v;
      else if (d.t === 'number') rule[name] = typeof d.v === 'bigint' && d.v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(d.v) : d.v;
      else if (d.t === 'array') rule[name] = d.v.map((x) => (x.t === 'string' ? x.v : ''));
    }
    rules.push(rule as RelabelRule);
  }
  return { rules };
}
