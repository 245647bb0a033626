// Alloy's load-time argument checks (the argument-check rule), applied during the type checker's walk.
import { parseDuration, quote } from '@alloy-lint/gostd';
import type { Block, Expr, Stmt } from '@alloy-lint/parser';
import { diag } from './diagnostic.js';
import type { Finding } from './rules/types.js';
import { stringValue } from './literal.js';
import { type ArgumentRule, type BodySpec, fieldsOf } from './schema.js';

const APPLIED = new Set<ArgumentRule['kind']>(['mutually_exclusive', 'requires', 'allowed_values', 'range']);

/** Whether the rule is one this checker applies (its fields are names in the block). */
const applied = (r: ArgumentRule): boolean => APPLIED.has(r.kind) && !r.fields.some((f) => f.includes('*') || f.includes('.'));

/** Applies a body's argument rules to block `b` whose fields are written. */
export function applyArgumentRules(file: string, b: Block, spec: BodySpec, report: (f: Finding) => void): void {
  const rules = spec.argRules;
  if (!rules || b.body.length === 0) return;
  const ctx = { report };
  for (const r of rules) {
    // Every kind applied here needs at least one of its fields written.
    if (applied(r) && r.fields.some((f) => find(b, f) !== undefined)) apply(ctx, file, b, r, spec);
  }
}

/** Whether a field left out still has a non-zero value, from its default. */
function defaulted(spec: BodySpec | undefined, name: string): boolean {
  const f = spec?.kind === 'struct' ? fieldsOf(spec).get(name) : undefined;
  if (!f) return spec === undefined;
  if (f.kind === 'block') return false;
  const d = f.default;
  return d !== undefined && d !== null && d !== '' && d !== false && d !== 0 && d !== '0s' && !(Array.isArray(d) && d.length === 0);
}

const find = (b: Block, name: string): Stmt | undefined =>
  b.body.find((s) => (s.kind === 'Attribute' ? s.name.name === name : s.fullName === name));

/** Literal value of an expression: string, number or boolean; undefined when not a literal. */
function literal(e: Expr): string | number | boolean | undefined {
  if (e.kind === 'Unary' && e.op === '-' && e.value.kind === 'Literal') {
    const v = literal(e.value);
    return typeof v === 'number' ? -v : undefined;
  }
  if (e.kind !== 'Literal') return undefined;
  if (e.litKind === 'STRING') return stringValue(e);
  if (e.litKind === 'BOOL') return e.raw === 'true';
  if (e.litKind === 'NUMBER' || e.litKind === 'FLOAT') return Number(e.raw);
  return undefined;
}

/** Whether a field is set to something other than Go's zero value. */
function isSet(s: Stmt | undefined): boolean {
  if (!s) return false;
  if (s.kind === 'Block') return true;
  const v = s.value;
  if ((v.kind === 'Array' && v.elements.length === 0) || (v.kind === 'Object' && v.fields.length === 0)) return false;
  if (v.kind === 'Literal' && v.litKind === 'NULL') return false;
  const l = literal(v);
  return l === undefined || (l !== '' && l !== false && l !== 0);
}

/** Fills the Go verbs of a message with the given values, in order. */
function format(message: string, args: (string | number)[]): string {
  let i = 0;
  return message.replace(/%[-+# 0-9.]*[a-zA-Z%]/g, (verb) => {
    if (verb === '%%') return '%';
    const v = args[Math.min(i++, args.length - 1)] ?? '';
    return verb.endsWith('q') ? quote(String(v)) : String(v);
  });
}

/** A number, or a duration string in nanoseconds, for range checks. */
function magnitude(v: string | number | boolean | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  try {
    return Number(parseDuration(v));
  } catch {
    return undefined;
  }
}

function report(ctx: { report(d: Finding): void }, file: string, r: ArgumentRule, s: { start: number; end: number }, args: (string | number)[]): void {
  ctx.report(diag(file, '', format(r.message, args), s.start, s.end - 1));
}

/** Whether field `f` of `b` is set: written with a non-zero value, or left out with a non-zero default. */
function setOrDefaulted(b: Block, spec: BodySpec | undefined, f: string): boolean {
  const st = find(b, f);
  return st ? isSet(st) : defaulted(spec, f);
}

function apply(ctx: { report(d: Finding): void }, file: string, b: Block, r: ArgumentRule, spec: BodySpec | undefined): void {
  // Only what is written counts for these kinds: the notes do not say when Alloy fills a default.
  if (r.kind === 'mutually_exclusive') {
    let first: Stmt | undefined;
    for (const f of r.fields) {
      const st = find(b, f);
      if (!st || !isSet(st)) continue;
      if (first) return report(ctx, file, r, st, []);
      first = st;
    }
    return;
  }
  if (r.kind === 'requires') {
    // Only with values: "<field> <value> requires <other>", as for relabel actions.
    const first = find(b, r.fields[0]);
    if (!r.values || !first || !isSet(first)) return;
    for (let i = 1; i < r.fields.length; i++) if (setOrDefaulted(b, spec, r.fields[i])) return;
    const v = first.kind === 'Attribute' ? literal(first.value) : undefined;
    if (typeof v === 'string' && r.values.includes(v) && /requires/.test(r.message)) report(ctx, file, r, first, [v]);
    return;
  }
  for (const f of r.fields) {
    const s = find(b, f);
    if (!s || s.kind !== 'Attribute') continue;
    const v = literal(s.value);
    if (r.kind === 'allowed_values' && r.values && v !== undefined && typeof v !== 'boolean') {
      if (!r.values.some((x) => String(x) === String(v))) report(ctx, file, r, s.value, [String(v), `[${r.values.join(' ')}]`]);
    } else if (r.kind === 'range') {
      const n = magnitude(v);
      if (n === undefined) continue;
      const min = magnitude(r.min);
      const max = magnitude(r.max);
      const low = min !== undefined && (r.minExclusive ? n <= min : n < min);
      const high = max !== undefined && (r.maxExclusive ? n >= max : n > max);
      if (low || high) report(ctx, file, r, s.value, /^[^%]*%s/.test(r.message) ? [f, String(v)] : [String(v)]);
    }
  }
}
