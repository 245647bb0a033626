// Allowed values the decoder checks: `switch` statements with an error in `default` in
// UnmarshalText / Validate methods, and lookups in package-level maps in UnmarshalText.
import type { Evaluator, GoValue } from '../go/eval.js';
import { selectorPath } from '../go/eval.js';
import type { GoFile, MethodDecl } from '../go/loader.js';
import type { GoType, Types } from '../go/types.js';
import { field, named, type Node } from '../go/ts.js';

function strings(values: GoValue[]): string[] | null {
  const out: string[] = [];
  for (const v of values) {
    if (v.v !== 'str') return null;
    if (v.s !== '' && !out.includes(v.s)) out.push(v.s);
  }
  return out.length ? out : null;
}

function defaultReturnsError(sw: Node): boolean {
  const def = named(sw).find((c) => c.type === 'default_case');
  if (!def) return false;
  return def.descendantsOfType('return_statement').some((r) => r && r.text !== 'return nil' && r.text !== 'return');
}

function caseValues(sw: Node, ev: Evaluator, file: GoFile): GoValue[] {
  const out: GoValue[] = [];
  for (const c of named(sw)) {
    if (c.type !== 'expression_case') continue;
    for (const e of named(field(c, 'value'))) out.push(ev.eval(e, file));
  }
  return out;
}

function switches(m: MethodDecl): Node[] {
  return (field(m.node, 'body')?.descendantsOfType('expression_switch_statement') ?? []).filter((s): s is Node => s !== null);
}

/** Values accepted by a text type's UnmarshalText, when it checks them. */
export function textEnum(types: Types, ev: Evaluator, t: GoType): string[] | null {
  const m = types.method(t, 'UnmarshalText');
  if (!m) return null;
  for (const sw of switches(m)) {
    if (!defaultReturnsError(sw)) continue;
    const vals = strings(caseValues(sw, ev, m.file));
    if (vals) return vals;
  }
  // `if _, ok := table[T(text)]; ok { ... }` over a package-level map literal.
  for (const idx of field(m.node, 'body')?.descendantsOfType('index_expression') ?? []) {
    const op = field(idx, 'operand');
    if (op?.type !== 'identifier' && op?.type !== 'selector_expression') continue;
    const v = ev.eval(op, m.file);
    const entries = v.v === 'map' ? v.entries : v.v === 'struct' ? v.entries : undefined;
    if (entries) {
      const vals = strings(entries.map(([k]) => k));
      if (vals) return vals;
    }
  }
  return null;
}

/** Go field name -> allowed values, from `switch recv.Field { ... default: return err }` in Validate. */
export function validateEnums(types: Types, ev: Evaluator, t: GoType): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const m = types.method(t, 'Validate');
  if (!m) return out;
  const recv = field(named(field(m.node, 'receiver')).find((c) => c.type === 'parameter_declaration'), 'name')?.text;
  for (const sw of switches(m)) {
    const path = selectorPath(field(sw, 'value'));
    if (!path || path.length !== 2 || path[0] !== recv || !defaultReturnsError(sw)) continue;
    const vals = strings(caseValues(sw, ev, m.file));
    if (vals) out.set(path[1], vals);
  }
  // if r.F != "a" && r.F != "b" { return err }
  for (const st of field(m.node, 'body')?.descendantsOfType('if_statement') ?? []) {
    const cond = field(st, 'condition');
    const cons = field(st, 'consequence');
    if (!cond || !cons?.descendantsOfType('return_statement').length) continue;
    const terms = andTerms(cond);
    let fieldName: string | null = null;
    const values: GoValue[] = [];
    for (const t of terms) {
      const p = t.type === 'binary_expression' && field(t, 'operator')?.text === '!=' ? selectorPath(field(t, 'left')) : null;
      if (!p || p.length !== 2 || p[0] !== recv || (fieldName && fieldName !== p[1])) {
        fieldName = null;
        break;
      }
      fieldName = p[1];
      values.push(ev.eval(field(t, 'right'), m.file));
    }
    const vals = fieldName && terms.length > 1 ? strings(values) : null;
    if (fieldName && vals && !out.has(fieldName)) out.set(fieldName, vals);
  }
  return out;
}

function andTerms(n: Node): Node[] {
  if (n.type === 'parenthesized_expression') return andTerms(named(n)[0]);
  if (n.type === 'binary_expression' && field(n, 'operator')?.text === '&&') {
    return [...andTerms(field(n, 'left')!), ...andTerms(field(n, 'right')!)];
  }
  return [n];
}
