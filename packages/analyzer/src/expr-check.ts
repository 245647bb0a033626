// Every expression typed: the type of an attribute's value, what would fail when Alloy
// evaluates it (a field that does not exist ...), and whether it decodes into the attribute's type.
import type { Attribute, Expr } from '@alloy-lint/parser';
import { conversionProblem, printExpr, typeName, typeOf, type StaticType, type TypeEnv, type TypeProblem } from '@alloy-lint/values';
import { diag, type FileDiagnostic } from './diagnostic.js';
import { closest } from './suggest.js';

/** References that would fit, for a hint: their text, and the blocks that export them. */
export interface Example {
  text: string;
  blocks: { reference: string; file: string; start: number; end: number }[];
}

/** What the type check of one attribute needs. */
export interface ExprCheck {
  file: string;
  env: TypeEnv;
  out: FileDiagnostic[];
  /** Example references of a type, for hints (`loki.write.<label>.receiver`). */
  exampleOf?: (type: StaticType) => Example | undefined;
}

const isLiteral = (e: Expr): boolean => e.kind === 'Literal' || (e.kind === 'Unary' && e.value.kind === 'Literal');

/**
 * Types the value of `a`, reports evaluation failures and values that do not convert into
 * `expected`, and returns the value's type. Literals are left to Alloy's literal check
 * (`literalChecked` says it already found a problem here).
 */
export function checkValueType(c: ExprCheck, a: Attribute, expected: StaticType, literalChecked: boolean): StaticType {
  const report = (p: TypeProblem) => c.out.push(problemDiag(c.file, p));
  const want = literalChecked ? ({ kind: 'any' } as const) : expected;
  return check({ ...c, attribute: a, whole: want, report }, a.value, want);
}

interface Walk extends ExprCheck {
  attribute: Attribute;
  /** The attribute's type, for hints. */
  whole: StaticType;
  report: (p: TypeProblem) => void;
}

function check(c: Walk, e: Expr, expected: StaticType): StaticType {
  if (e.kind === 'Array' && expected.kind === 'array') {
    let elem: StaticType | undefined;
    for (const x of e.elements) {
      const t = check(c, x, expected.elem);
      elem = elem === undefined || elem.kind === t.kind ? t : { kind: 'any' };
    }
    return { kind: 'array', elem: elem ?? { kind: 'any' } };
  }
  if (e.kind === 'Object' && expected.kind === 'object' && expected.elem) {
    const fields = new Map<string, StaticType>();
    for (const f of e.fields) fields.set(f.name.name, check(c, f.value, expected.elem));
    return { kind: 'object', fields };
  }
  const t = typeOf(e, c.env, c.report);
  if (isLiteral(e) || e.kind === 'Array' || e.kind === 'Object') return t;
  const m = conversionProblem(t, expected);
  if (m) c.out.push(mismatchDiag(c, e, t, expected, m));
  return t;
}

function problemDiag(file: string, p: TypeProblem): FileDiagnostic {
  if (!p.expr) {
    const d = diag(file, 'unknown-field', p.message, p.start, p.end - 1);
    const name = /^field "(.*)" does not exist$/.exec(p.message)?.[1];
    const best = name !== undefined && p.fields ? closest(name, p.fields) : undefined;
    if (best) {
      d.hint = `did you mean ${JSON.stringify(best)}?`;
      d.fix = { title: `Rename to ${best}`, edits: [{ start: p.start, end: p.end, text: best }] };
    } else if (p.fields) {
      d.hint = p.fields.length ? `it has: ${[...p.fields].sort().slice(0, 12).join(', ')}` : 'it has no fields';
    }
    return d;
  }
  return diag(file, 'type-mismatch', `${printExpr(p.expr)} ${p.message}`, p.start, p.end - 1);
}

function mismatchDiag(c: Walk, e: Expr, actual: StaticType, expected: StaticType, m: { path: string; message: string }): FileDiagnostic {
  const a = c.attribute;
  const text = printExpr(e);
  const d = diag(c.file, 'type-mismatch', `${text}${m.path} ${m.message}`, e.start, e.end - 1);
  const want = typeName(c.whole);
  if (expected.kind === 'array' && actual.kind !== 'array' && !conversionProblem(actual, expected.elem)) {
    d.hint = `${a.name.name} takes a list: write [${text}]`;
    d.fix = { title: 'Wrap in [ ]', edits: [{ start: e.start, end: e.start, text: '[' }, { start: e.end, end: e.end, text: ']' }] };
    return d;
  }
  const example = hasCapsule(expected) ? c.exampleOf?.(expected) : undefined;
  d.hint = `${a.name.name} expects ${want}${example ? ` (such as ${example.text})` : ''}; ${text} is ${typeName(actual)}`;
  if (example?.blocks.length) d.related = example.blocks.map((b) => ({ file: b.file, start: b.start, end: b.end, message: `${b.reference} fits here` }));
  return d;
}

/** Whether a type holds a named capsule other than a secret (what components export). */
function hasCapsule(t: StaticType): boolean {
  if (t.kind === 'capsule') return t.name !== undefined && t.name !== 'secret' && t.name !== 'optional_secret';
  return t.kind === 'array' && hasCapsule(t.elem);
}
