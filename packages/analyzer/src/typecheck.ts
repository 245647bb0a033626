import type { Attribute, Block, Expr } from '@alloy-lint/parser';
import { diag, type FileDiagnostic } from './diagnostic.js';
import { RE2JS } from 're2js';
import { checkLiteral, stringValue } from './literal.js';
import { closest } from './suggest.js';
import type { AttrSpec, BlockSpec, BodySpec, TextRule } from './schema.js';

const nameOf = (b: Block) => b.name.join('.');

export interface TypecheckOptions {
  /** Only the checks `alloy validate` runs. */
  parity?: boolean;
}

/**
 * Checks a block body against its spec the way Alloy's validator does before
 * evaluating anything: known names, attribute versus block, counts, required
 * fields, and the types of literal values.
 */
export function typecheckBlock(file: string, b: Block, spec: BodySpec, opts: TypecheckOptions = {}): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  if (spec.kind === 'any') return out;
  if (spec.kind === 'map') {
    if (b.label !== '') out.push(diag(file, 'block-label', `block ${JSON.stringify(nameOf(b))} requires empty label`, b.start, b.lcurly));
    return out;
  }
  const lookup = new Map(spec.fields.map((f) => [f.name, f]));
  const counts = new Map<string, number>();
  for (const s of b.body) if (s.kind === 'Block') counts.set(nameOf(s), (counts.get(nameOf(s)) ?? 0) + 1);
  const seen = new Set<string>();
  for (const s of b.body) {
    const found = s.kind === 'Block' ? checkChildBlock(file, s, lookup.get(nameOf(s)), counts, opts) : checkAttr(file, s, lookup.get(s.name.name), seen, opts);
    for (const d of found) if (d.code === 'unknown-attribute' || d.code === 'unknown-block') suggest(d, s, spec);
    out.push(...found);
  }
  for (const f of spec.fields) {
    if (!f.required) continue;
    if (f.kind === 'attr' && !seen.has(f.name)) {
      out.push(diag(file, 'missing-required', `missing required attribute ${JSON.stringify(f.name)}`, b.start, b.rcurly));
    } else if (f.kind === 'block' && !counts.has(f.name)) {
      out.push(diag(file, 'missing-required', `missing required block ${JSON.stringify(f.name)}`, b.start, b.rcurly));
    }
  }
  return out;
}

function checkChildBlock(file: string, b: Block, spec: AttrSpec | BlockSpec | undefined, counts: Map<string, number>, opts: TypecheckOptions): FileDiagnostic[] {
  const name = nameOf(b);
  const last = b.rcurly;
  if (!spec) return [diag(file, 'unknown-block', `unrecognized block name ${JSON.stringify(name)}`, b.start, last)];
  if (spec.kind === 'attr') return [diag(file, 'attr-as-block', `${JSON.stringify(name)} must be an attribute, but is used as a block`, b.start, last)];
  const n = counts.get(name) ?? 0;
  if (typeof spec.count === 'number' && spec.count !== n) {
    return [diag(file, 'block-count', `block ${JSON.stringify(name)} must be specified exactly ${spec.count} times, but was specified ${n} times`, b.start, last)];
  }
  if (spec.count === 'one' && n > 1) {
    return [diag(file, 'duplicate-block', `block ${JSON.stringify(name)} may only be specified once`, b.start, last)];
  }
  return typecheckBlock(file, b, spec.body, opts);
}

function checkAttr(file: string, a: Attribute, spec: AttrSpec | BlockSpec | undefined, seen: Set<string>, opts: TypecheckOptions): FileDiagnostic[] {
  const name = a.name.name;
  const last = a.end - 1;
  if (!spec) return [diag(file, 'unknown-attribute', `unrecognized attribute name ${JSON.stringify(name)}`, a.start, last)];
  if (spec.kind === 'block') return [diag(file, 'block-as-attr', `${JSON.stringify(name)} must be a block, but is used as an attribute`, a.start, last)];
  if (seen.has(name)) return [diag(file, 'duplicate-attribute', `attribute ${JSON.stringify(name)} may only be provided once`, a.start, last)];
  seen.add(name);
  const out = checkExpr(file, a.value, spec.type, spec.textRule);
  if (out.length === 0 && spec.regex && (spec.regex.decode || !opts.parity)) out.push(...checkRegex(file, a.value, spec.regex.anchored));
  return out;
}

/** Compiles a literal regular expression with RE2 semantics, as Alloy does. */
function checkRegex(file: string, e: Expr, anchored: boolean): FileDiagnostic[] {
  if (e.kind !== 'Literal' || e.litKind !== 'STRING') return [];
  const text = stringValue(e);
  if (text === undefined) return [];
  try {
    RE2JS.compile(anchored ? `^(?s:${text})$` : text);
    return [];
  } catch (err) {
    return [diag(file, 'invalid-regex', (err as Error).message, e.start, e.end - 1)];
  }
}

/** Literal-only type checks: values that need evaluation are left to later phases. */
export function checkExpr(file: string, e: Expr, type: string, rule?: TextRule): FileDiagnostic[] {
  const problem = checkLiteral(e, type, rule);
  if (!problem) return [];
  return problem.map((p) => diag(file, 'type', p.message, p.start, p.end - 1));
}

/** Adds "did you mean" to an unknown attribute or block, with a fix that renames it. */
function suggest(d: FileDiagnostic, s: Attribute | Block, spec: BodySpec): void {
  const isBlock = s.kind === 'Block';
  const name = isBlock ? nameOf(s) : s.name.name;
  const names = spec.fields.filter((f) => (f.kind === 'block') === isBlock).map((f) => f.name);
  const other = spec.fields.filter((f) => (f.kind === 'block') !== isBlock).map((f) => f.name);
  const best = closest(name, names);
  const start = s.start;
  const end = isBlock ? s.nameSpan.end : s.name.end;
  if (best) {
    d.hint = `did you mean ${JSON.stringify(best)}?`;
    d.fix = { title: `Rename to ${best}`, edits: [{ start, end, text: best }] };
  } else if (other.includes(name)) {
    d.hint = isBlock ? `${name} is an attribute: write ${name} = ...` : `${name} is a block: write ${name} { ... }`;
  }
}
