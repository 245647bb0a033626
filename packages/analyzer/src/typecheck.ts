import type { Attribute, Block, Expr } from '@alloy-lint/parser';
import { diag, type FileDiagnostic, pushAll } from './diagnostic.js';
import { quote } from '@alloy-lint/gostd';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { checkLiteral, stringValue } from './literal.js';
import { parseTypeName } from '@alloy-lint/values';
import type { ExprChecker } from './expr-check.js';
import type { RuleRunner } from './rules/runner.js';
import type { AttributeNode, BlockNode } from './rules/types.js';
import { closest } from './suggest.js';
import { type AttrSpec, type BlockSpec, type BodySpec, fieldsOf, requiredOf, type TextRule } from './schema.js';

/** `a.b.c` of a block. */
export const nameOf = (b: Block): string => b.fullName;

const EMPTY: FileDiagnostic[] = [];

export interface TypecheckOptions {
  /** Only the checks `alloy validate` runs. */
  parity?: boolean;
  /** The type checker of the scope; enables the type check of every expression. */
  types?: ExprChecker;
  /** The rules visiting blocks and attributes. */
  rules?: RuleRunner;
  /** Name of the top-level block being checked (`loki.process`). */
  component?: string;
}

/** Names of the nested blocks from the top-level block down to the one being checked. */
const path: string[] = [];

// The nodes handed to rules: one object each, refilled for every block and attribute (rules
// copy what they keep), so the walk allocates nothing for them.
const blockNode = { file: '', block: undefined, spec: undefined, component: '', path } as unknown as BlockNode;
const attributeNode = { file: '', attribute: undefined, spec: undefined, component: '', path, expected: undefined, actual: undefined } as unknown as AttributeNode;

/**
 * Checks a block body against its spec the way Alloy's validator does before
 * evaluating anything: known names, attribute versus block, counts, required
 * fields, and the types of literal values.
 */
export function typecheckBlock(file: string, b: Block, spec: BodySpec, opts: TypecheckOptions = {}, out: FileDiagnostic[] = []): FileDiagnostic[] {
  if (spec.kind === 'any') return out;
  if (spec.kind === 'map') {
    if (b.label !== '') out.push(diag(file, 'block-label', `block ${quote(nameOf(b))} requires empty label`, b.start, b.lcurly));
    return out;
  }
  const lookup = fieldsOf(spec);
  // Attribute names seen so far in this body live on a shared stack from `base` on: no allocation per block.
  const base = seenStack.length;
  for (const s of b.body) {
    const before = out.length;
    if (s.kind === 'Block') checkChildBlock(file, s, lookup.get(nameOf(s)), b, opts, out);
    else checkAttr(file, s, lookup.get(s.name.name), base, opts, out);
    for (let i = before; i < out.length; i++) {
      const d = out[i];
      if (d.code === 'unknown-attribute' || d.code === 'unknown-block') suggest(d, s, spec);
    }
  }
  for (const f of requiredOf(spec)) {
    if (f.kind === 'attr' && seenStack.indexOf(f.name, base) === -1) {
      out.push(diag(file, 'missing-required', `missing required attribute ${quote(f.name)}`, b.start, b.rcurly));
    } else if (f.kind === 'block' && countIn(b, f.name) === 0) {
      out.push(diag(file, 'missing-required', `missing required block ${quote(f.name)}`, b.start, b.rcurly));
    }
  }
  seenStack.length = base;
  if (opts.rules?.visits('block')) {
    opts.rules.sink = out;
    blockNode.file = file;
    blockNode.block = b;
    blockNode.spec = spec;
    blockNode.component = opts.component ?? nameOf(b);
    opts.rules.block(blockNode);
  }
  return out;
}

const seenStack: string[] = [];

/** How many child blocks of `b` are named `name`. */
function countIn(b: Block, name: string): number {
  let n = 0;
  for (const s of b.body) if (s.kind === 'Block' && s.fullName === name) n++;
  return n;
}

function checkChildBlock(file: string, b: Block, spec: AttrSpec | BlockSpec | undefined, parent: Block, opts: TypecheckOptions, out: FileDiagnostic[]): void {
  const name = nameOf(b);
  const last = b.rcurly;
  if (!spec) {
    out.push(diag(file, 'unknown-block', `unrecognized block name ${quote(name)}`, b.start, last));
  } else if (spec.kind === 'attr') {
    out.push(diag(file, 'attr-as-block', `${quote(name)} must be an attribute, but is used as a block`, b.start, last));
  } else {
    // Siblings are counted only when the spec limits them (a body's blocks are counted once each otherwise).
    const n = spec.count === 'many' ? 0 : countIn(parent, name);
    if (typeof spec.count === 'number' && spec.count !== n) {
      out.push(diag(file, 'block-count', `block ${quote(name)} must be specified exactly ${spec.count} times, but was specified ${n} times`, b.start, last));
    } else if (spec.count === 'one' && n > 1) {
      out.push(diag(file, 'duplicate-block', `block ${quote(name)} may only be specified once`, b.start, last));
    } else {
      path.push(name);
      typecheckBlock(file, b, spec.body, opts, out);
      path.pop();
    }
  }
}

function checkAttr(file: string, a: Attribute, spec: AttrSpec | BlockSpec | undefined, base: number, opts: TypecheckOptions, out: FileDiagnostic[]): void {
  const name = a.name.name;
  const last = a.end - 1;
  if (!spec) out.push(diag(file, 'unknown-attribute', `unrecognized attribute name ${quote(name)}`, a.start, last));
  else if (spec.kind === 'block') out.push(diag(file, 'block-as-attr', `${quote(name)} must be a block, but is used as an attribute`, a.start, last));
  else if (seenStack.indexOf(name, base) !== -1) out.push(diag(file, 'duplicate-attribute', `attribute ${quote(name)} may only be provided once`, a.start, last));
  else {
    seenStack.push(name);
    const found = checkExpr(file, a.value, spec.type, spec.textRule);
    if (found.length) pushAll(out, found);
    else if (spec.regex && (spec.regex.decode || !opts.parity)) pushAll(out, checkRegex(file, a.value, spec.regex.anchored));
    if (opts.parity || !opts.types) return;
    const expected = parseTypeName(spec.type);
    const actual = opts.types.checkAttribute(file, a, expected, found.length > 0, out);
    if (opts.rules?.visits('attribute')) {
      opts.rules.sink = out;
      attributeNode.file = file;
      attributeNode.attribute = a;
      attributeNode.spec = spec;
      attributeNode.component = opts.component ?? '';
      attributeNode.expected = expected;
      attributeNode.actual = actual;
      opts.rules.attribute(attributeNode);
    }
  }
}

/** Compiles a literal regular expression with Go's regexp (RE2) rules, as Alloy does. */
function checkRegex(file: string, e: Expr, anchored: boolean): FileDiagnostic[] {
  if (e.kind !== 'Literal' || e.litKind !== 'STRING') return EMPTY;
  const text = stringValue(e);
  if (text === undefined) return EMPTY;
  const pattern = anchored ? `^(?s:${text})$` : text;
  let error = regexErrors.get(pattern);
  if (error === undefined) {
    const re = GoRegexp.compile(pattern);
    error = re instanceof GoRegexp ? '' : re.error;
    if (regexErrors.size > 10000) regexErrors.clear();
    regexErrors.set(pattern, error);
  }
  return error ? [diag(file, 'invalid-regex', error, e.start, e.end - 1)] : EMPTY;
}

/** Compile results by pattern ('' when it compiles): configs repeat the same regexes. */
const regexErrors = new Map<string, string>();

/** Literal-only type checks: values that need evaluation are left to later phases. */
export function checkExpr(file: string, e: Expr, type: string, rule?: TextRule): FileDiagnostic[] {
  const problem = checkLiteral(e, type, rule);
  if (!problem) return EMPTY;
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
    d.hint = `did you mean ${quote(best)}?`;
    d.fix = { title: `Rename to ${best}`, edits: [{ start, end, text: best }] };
  } else if (other.includes(name)) {
    d.hint = isBlock ? `${name} is an attribute: write ${name} = ...` : `${name} is a block: write ${name} { ... }`;
  }
}
