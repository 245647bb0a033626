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

const ANY_T: StaticType = { kind: 'any' };
const isLiteral = (e: Expr): boolean => e.kind === 'Literal' || (e.kind === 'Unary' && e.value.kind === 'Literal');

/** Types attribute values in one scope; one instance per scope, reused for every attribute. */
export class ExprChecker {
  private file = '';
  private out: FileDiagnostic[] = [];
  private attribute: Attribute | undefined;
  /** The attribute's type, for hints. */
  private whole: StaticType = ANY_T;
  private readonly report = (p: TypeProblem) => this.out.push(problemDiag(this.file, p));

  constructor(
    private readonly env: TypeEnv,
    /** Example references of a type, for hints (`loki.write.<label>.receiver`). */
    private readonly exampleOf?: (type: StaticType) => Example | undefined,
  ) {}

  /**
   * Types the value of `a`, reports evaluation failures and values that do not convert into
   * `expected`, and returns the value's type. Literals are left to Alloy's literal check
   * (`literalChecked` says it already found a problem here).
   */
  checkAttribute(file: string, a: Attribute, expected: StaticType, literalChecked: boolean, out: FileDiagnostic[]): StaticType {
    if (a.value.kind === 'Literal') return typeOf(a.value);
    this.file = file;
    this.out = out;
    this.attribute = a;
    this.whole = literalChecked ? ANY_T : expected;
    return this.check(a.value, this.whole);
  }

  private check(e: Expr, expected: StaticType): StaticType {
    // Lists and maps written out are checked element by element; when every element has the
    // expected type, that is the type of the whole (no new type is built).
    if (e.kind === 'Array' && expected.kind === 'array') {
      let elem: StaticType | undefined;
      let same = true;
      for (const x of e.elements) {
        const t = this.check(x, expected.elem);
        same &&= t === expected.elem;
        elem = elem === undefined || elem.kind === t.kind ? t : ANY_T;
      }
      return same ? expected : { kind: 'array', elem: elem ?? ANY_T };
    }
    if (e.kind === 'Object' && expected.kind === 'object' && expected.elem) {
      const elem = expected.elem;
      const types = e.fields.map((f) => this.check(f.value, elem));
      return types.every((t) => t === elem) ? expected : { kind: 'object', fields: new Map(e.fields.map((f, i) => [f.name.name, types[i]])) };
    }
    const t = typeOf(e, this.env, this.report);
    if (isLiteral(e) || e.kind === 'Array' || e.kind === 'Object') return t;
    const m = conversionProblem(t, expected);
    if (m) this.out.push(this.mismatch(e, t, expected, m));
    return t;
  }

  private mismatch(e: Expr, actual: StaticType, expected: StaticType, m: { path: string; message: string }): FileDiagnostic {
    const a = this.attribute!;
    const text = printExpr(e);
    const d = diag(this.file, 'type-mismatch', `${text}${m.path} ${m.message}`, e.start, e.end - 1);
    const want = typeName(this.whole);
    if (expected.kind === 'array' && actual.kind !== 'array' && !conversionProblem(actual, expected.elem)) {
      d.hint = `${a.name.name} takes a list: write [${text}]`;
      d.fix = { title: 'Wrap in [ ]', edits: [{ start: e.start, end: e.start, text: '[' }, { start: e.end, end: e.end, text: ']' }] };
      return d;
    }
    const example = hasCapsule(expected) ? this.exampleOf?.(expected) : undefined;
    d.hint = `${a.name.name} expects ${want}${example ? ` (such as ${example.text})` : ''}; ${text} is ${typeName(actual)}`;
    if (example?.blocks.length) d.related = example.blocks.map((b) => ({ file: b.file, start: b.start, end: b.end, message: `${b.reference} fits here` }));
    return d;
  }
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

/** Whether a type holds a named capsule other than a secret (what components export). */
function hasCapsule(t: StaticType): boolean {
  if (t.kind === 'capsule') return t.name !== undefined && t.name !== 'secret' && t.name !== 'optional_secret';
  return t.kind === 'array' && hasCapsule(t.elem);
}
