import { goQuote, type Block, type Expr, type Stmt } from '@alloy-lint/parser';
import { parseDuration } from '@alloy-lint/values';
import { diag } from '../diagnostic.js';
import { stringValue } from '../literal.js';
import { type ArgumentRule, type BodySpec, fieldsOf } from '../schema.js';
import { ARGUMENT_RULE_LIST, ARGUMENT_RULES } from '../text-rules.generated.js';
import type { Rule, RuleContext } from './types.js';

/** The checks Alloy runs on a component's arguments when it loads it (not in `alloy validate`). */
export const argumentChecks: Rule = {
  id: 'argument-check',
  severity: 'error',
  description: "Alloy's own argument checks (mutually exclusive settings, required combinations, ranges, allowed values), run on literal values.",
  check(ctx) {
    for (const node of ctx.graph.nodes) {
      if (node.kind !== 'component' || node.custom || !WITH_RULES.has(node.name)) continue;
      visit(ctx, node.file, node.name, node.block, `${node.name}:`, ctx.catalog.component(node.name)?.args);
    }
  },
};

/** Components with at least one rule, so the others are not walked at all. */
const WITH_RULES = new Set(Object.keys(ARGUMENT_RULES).map((k) => k.slice(0, k.indexOf(':'))));

/** `key` is `component:block.path` of `b`. */
function visit(ctx: RuleContext, file: string, component: string, b: Block, key: string, spec: BodySpec | undefined): void {
  const rules = ARGUMENT_RULES[key];
  if (rules && b.body.length > 0) {
    const written = new Set<string>();
    for (const s of b.body) written.add(s.kind === 'Attribute' ? s.name.name : s.fullName);
    for (const i of rules) {
      const r = ARGUMENT_RULE_LIST[i];
      // Every kind applied here needs at least one of its fields written.
      if (r.fields.some((f) => written.has(f))) apply(ctx, file, b, r, spec);
    }
  }
  for (const s of b.body) {
    if (s.kind !== 'Block') continue;
    const f = spec?.kind === 'struct' ? fieldsOf(spec).get(s.fullName) : undefined;
    visit(ctx, file, component, s, key.endsWith(':') ? key + s.fullName : `${key}.${s.fullName}`, f?.kind === 'block' ? f.body : undefined);
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
    return verb.endsWith('q') ? goQuote(String(v)) : String(v);
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

function apply(ctx: RuleContext, file: string, b: Block, r: ArgumentRule, spec: BodySpec | undefined): void {
  const at = (s: { start: number; end: number }, args: (string | number)[] = []) =>
    ctx.report(diag(file, '', format(r.message, args), s.start, s.end - 1));
  const header = { start: b.start, end: b.nameSpan.end };
  if (r.fields.some((f) => f.includes('*') || f.includes('.'))) return;
  // A field is set when written with a non-zero value, or when left out with a non-zero default.
  const set = (f: string) => {
    const st = find(b, f);
    return st ? isSet(st) : defaulted(spec, f);
  };
  // Only what is written counts: checks that depend on defaults are left to Alloy, since
  // the notes do not say when Alloy fills a default before it validates.
  const written = r.fields.filter((f) => isSet(find(b, f)));
  switch (r.kind) {
    case 'mutually_exclusive':
      if (written.length > 1) at(find(b, written[1])!);
      return;
    case 'at_least_one':
    case 'one_of_required':
    case 'non_empty':
      void header;
      return;
    case 'requires': {
      const first = find(b, r.fields[0]);
      if (!first || !isSet(first) || r.fields.slice(1).some(set)) return;
      if (!r.values) return;
      // With values: "<field> <value> requires <other>", as for relabel actions.
      const v = first.kind === 'Attribute' ? literal(first.value) : undefined;
      if (typeof v === 'string' && r.values.includes(v) && /requires/.test(r.message)) at(first, [v]);
      return;
    }
  }
  for (const f of r.fields) {
    const s = find(b, f);
    if (!s || s.kind !== 'Attribute') continue;
    const v = literal(s.value);
    if (r.kind === 'allowed_values' && r.values && v !== undefined && typeof v !== 'boolean') {
      if (!r.values.some((x) => String(x) === String(v))) at(s.value, [String(v), `[${r.values.join(' ')}]`]);
    } else if (r.kind === 'range') {
      const n = magnitude(v);
      if (n === undefined) continue;
      const min = magnitude(r.min);
      const max = magnitude(r.max);
      const low = min !== undefined && (r.minExclusive ? n <= min : n < min);
      const high = max !== undefined && (r.maxExclusive ? n >= max : n > max);
      if (low || high) at(s.value, /^[^%]*%s/.test(r.message) ? [f, String(v)] : [String(v)]);
    }
  }
}
