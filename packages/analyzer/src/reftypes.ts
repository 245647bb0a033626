import type { Attribute, Expr } from '@alloy-lint/parser';
import { diag, type FileDiagnostic } from './diagnostic.js';

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

/** Checks the references inside one attribute value against the attribute's type. */
export function checkValue(file: string, a: Attribute, e: Expr, want: string, typeOf: ExportTypeOf): FileDiagnostic[] {
  if (e.kind === 'Array') {
    const el = inner(want, 'list');
    return el === undefined ? [] : e.elements.flatMap((x) => checkValue(file, a, x, el, typeOf));
  }
  if (e.kind !== 'Access') return [];
  const text = chainText(e);
  if (text === undefined) return [];
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

/** `a.b.c` for a plain chain of field accesses on an identifier, else undefined. */
function chainText(e: Expr): string | undefined {
  const parts: string[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Access') {
    parts.push(cur.name.name);
    cur = cur.value;
  }
  if (cur.kind !== 'Identifier') return undefined;
  parts.push(cur.name);
  return parts.reverse().join('.');
}
