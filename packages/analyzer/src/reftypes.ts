import type { Attribute, Block, Expr } from '@alloy-lint/parser';
import { diag, type FileDiagnostic } from './diagnostic.js';
import type { AttrSpec, BlockSpec, BodySpec } from './schema.js';
import { traversalsFromExpr, traversalText } from './traversal.js';

/** Finds the type of a reference such as `loki.write.default.receiver`, if it is known. */
export type ExportTypeOf = (traversal: string) => { type: string; component: string } | undefined;

const inner = (t: string, outer: string) => (t.startsWith(outer + '(') && t.endsWith(')') ? t.slice(outer.length + 1, -1) : undefined);

/** Whether a value of type `from` can be given where `to` is expected; undefined when unknown. */
export function assignable(from: string, to: string): boolean {
  if (from === 'any' || to === 'any' || from === to) return true;
  const lt = inner(to, 'list');
  const lf = inner(from, 'list');
  if (lt !== undefined) return lf === undefined ? !isPrimitive(from) && !inner(from, 'capsule') : assignable(lf, lt);
  const ct = inner(to, 'capsule');
  const cf = inner(from, 'capsule');
  if (ct !== undefined && cf !== undefined) return ct === cf;
  if (to === 'secret' || to === 'optional_secret') return from === 'string' || from === 'secret' || from === 'optional_secret';
  if (to === 'string' || to === 'duration') return from === 'string' || from === 'number' || from === 'duration' || from === 'optional_secret';
  if (to === 'number') return from === 'number' || from === 'string';
  if (to === 'bool') return from === 'bool';
  if (ct !== undefined) return cf !== undefined || !isPrimitive(from);
  return !(cf !== undefined && isPrimitive(to));
}

const isPrimitive = (t: string) => t === 'string' || t === 'number' || t === 'bool' || t === 'duration';

/**
 * Checks references whose types are known against the attribute they are
 * assigned to: a `loki.LogsReceiver` is not an `otelcol.Consumer`.
 */
export function checkReferenceTypes(file: string, b: Block, spec: BodySpec, typeOf: ExportTypeOf): FileDiagnostic[] {
  if (spec.kind !== 'struct') return [];
  const out: FileDiagnostic[] = [];
  const fields = new Map(spec.fields.map((f) => [f.name, f]));
  for (const s of b.body) {
    const f = fields.get(s.kind === 'Block' ? s.name.join('.') : s.name.name);
    if (!f) continue;
    if (s.kind === 'Block' && f.kind === 'block') out.push(...checkReferenceTypes(file, s, (f as BlockSpec).body, typeOf));
    else if (s.kind === 'Attribute' && f.kind === 'attr') out.push(...checkValue(file, s, s.value, (f as AttrSpec).type, typeOf));
  }
  return out;
}

function checkValue(file: string, a: Attribute, e: Expr, want: string, typeOf: ExportTypeOf): FileDiagnostic[] {
  if (e.kind === 'Array') {
    const el = inner(want, 'list');
    return el === undefined ? [] : e.elements.flatMap((x) => checkValue(file, a, x, el, typeOf));
  }
  if (e.kind !== 'Access') return [];
  const ts = traversalsFromExpr(e);
  if (ts.length !== 1) return [];
  const t = ts[0];
  if (t[t.length - 1].end !== e.end || t[0].start !== e.start) return [];
  const text = traversalText(t);
  const got = typeOf(text);
  if (!got || assignable(got.type, want)) return [];
  return [
    diag(
      file,
      'reference-type',
      `type mismatch: ${a.name.name} expects ${want}, but ${text} is ${got.type}`,
      e.start,
      e.end - 1,
    ),
  ];
}
