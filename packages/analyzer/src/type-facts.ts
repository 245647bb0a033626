// Type facts for editors: what an attribute expects at a position, and which references fit.
import type { Block, Expr } from '@alloy-lint/parser';
import { ANY, conversionProblem, parseTypeName, typeName, type StaticType } from '@alloy-lint/values';
import { type BodySpec, type ComponentCatalog, fieldsOf } from './schema.js';
import type { ConfigGraph } from './graph-types.js';

/** The part of an analysis the facts are read from. */
type Analysis = { graph?: ConfigGraph };

export interface ExpectedType {
  /** The type a value written at the position must convert into. */
  type: StaticType;
  /** The attribute the position is in. */
  attribute: string;
  /** The top-level block (`loki.process`) and nested blocks down to the attribute. */
  component: string;
  path: string[];
}

const within = (x: { start: number; end: number }, offset: number) => x.start <= offset && offset <= x.end;

/** The type expected at byte `offset` of `file`: of the attribute there, or of the list element or map value. */
export function expectedTypeAt(analysis: Analysis, catalog: ComponentCatalog, file: string, offset: number): ExpectedType | undefined {
  let top: Block | undefined;
  for (const n of analysis.graph?.nodes ?? []) {
    if (n.file !== file || !within(n.block, offset) || (n.kind !== 'component' && n.kind !== 'config' && n.kind !== 'service')) continue;
    if (!top || n.block.start >= top.start) top = n.block;
  }
  if (!top) return undefined;
  const name = top.fullName;
  const spec = catalog.component(name)?.args ?? catalog.block(name);
  return spec ? inBody(top, spec, offset, name, []) : undefined;
}

function inBody(b: Block, spec: BodySpec, offset: number, component: string, path: string[]): ExpectedType | undefined {
  if (spec.kind !== 'struct') return undefined;
  const fields = fieldsOf(spec);
  for (const s of b.body) {
    if (!within(s, offset)) continue;
    if (s.kind === 'Block') {
      const f = fields.get(s.fullName);
      return f?.kind === 'block' ? inBody(s, f.body, offset, component, [...path, s.fullName]) : undefined;
    }
    const f = fields.get(s.name.name);
    if (f?.kind !== 'attr') return undefined;
    return { type: inValue(s.value, parseTypeName(f.type), offset), attribute: s.name.name, component, path };
  }
  return undefined;
}

/** Descends into list and object literals: inside `[ ]` the element type is expected. */
function inValue(e: Expr, t: StaticType, offset: number): StaticType {
  if (e.kind === 'Array' && t.kind === 'array' && offset > e.start && offset < e.end) {
    const el = e.elements.find((x) => within(x, offset));
    return el ? inValue(el, t.elem, offset) : t.elem;
  }
  if (e.kind === 'Object' && t.kind === 'object' && offset > e.start && offset < e.end) {
    const f = e.fields.find((x) => within(x.value, offset));
    const inner = f ? (t.fields?.get(f.name.name) ?? t.elem) : t.elem;
    return inner ? (f ? inValue(f.value, inner, offset) : inner) : ANY;
  }
  return t;
}

/** References to built-in components' exports in the configuration worth offering where `type` is expected (see `offers`). */
export function exportsOfType(analysis: Analysis, catalog: ComponentCatalog, type: StaticType): { reference: string; type: StaticType }[] {
  const out: { reference: string; type: StaticType }[] = [];
  for (const n of analysis.graph?.nodes ?? []) {
    if (n.kind !== 'component' || n.custom) continue;
    for (const e of catalog.component(n.name)?.exports ?? []) {
      if (offersType(parseTypeName(e.type), type)) out.push({ reference: `${n.id}.${e.name}`, type: parseTypeName(e.type) });
    }
  }
  return out;
}

/** Whether a value of schema type `from` can be given where `to` is expected (Alloy's conversion rules). */
export function assignable(from: string, to: string): boolean {
  return conversionProblem(parseTypeName(from), parseTypeName(to)) === undefined;
}

/** list, capsule, map, or the kind itself (secrets are strings to a writer, not capsules). */
function shape(t: StaticType): string {
  if (t.kind === 'capsule') return t.name === 'secret' || t.name === 'optional_secret' ? t.name : 'capsule';
  return t.kind === 'array' ? 'list' : t.kind === 'object' ? 'map' : t.kind;
}

/**
 * Whether a reference of schema type `from` is worth offering where `to` is expected (editor
 * completions): it converts by Alloy's rules and has the same shape, a list where a list is
 * expected, a capsule where a capsule is, a map where a map is.
 */
export function offers(from: string, to: string): boolean {
  return offersType(parseTypeName(from), parseTypeName(to));
}

function offersType(from: StaticType, to: StaticType): boolean {
  if (from.kind === 'any' || to.kind === 'any') return true;
  if (conversionProblem(from, to) !== undefined) return false;
  const a = shape(from);
  const b = shape(to);
  if (from.kind === 'array' && to.kind === 'array') return offersType(from.elem, to.elem);
  return a === b || (b !== 'list' && b !== 'capsule' && b !== 'map');
}

const examples = new WeakMap<ComponentCatalog, Map<string, string | undefined>>();

/** Whether an export of schema type `exported` can be given where `want` is expected. */
export const fits = (exported: string, want: StaticType) => exported !== 'any' && conversionProblem(parseTypeName(exported), want) === undefined;

/** A component of the catalog exporting something that fits `type` (writers first, then the shortest name). */
export function catalogExample(catalog: ComponentCatalog, type: StaticType): string | undefined {
  let m = examples.get(catalog);
  if (!m) examples.set(catalog, (m = new Map()));
  const key = typeName(type);
  if (!m.has(key)) {
    let best: string | undefined;
    const rank = (t: string) => (/write\./.test(t) ? 0 : 1) * 1000 + t.length;
    for (const name of catalog.names()) {
      const c = catalog.component(name);
      const e = c?.stability === 'generally-available' ? c.exports.find((x) => fits(x.type, type)) : undefined;
      const text = e && `${name}.<label>.${e.name}`;
      if (text && (!best || rank(text) < rank(best))) best = text;
    }
    m.set(key, best);
  }
  return m.get(key);
}
