import type { Attribute, Expr } from '@alloy-lint/parser';
import { diag, pushAll, type FileDiagnostic } from './diagnostic.js';

/** Finds the type of a reference given as its names (`loki`, `write`, `default`, `receiver`), if it is known. */
export type ExportTypeOf = (names: { name: string }[]) => { type: string; component: string } | undefined;

const innerCache = new Map<string, string | null>();

/** `T` of `list(T)` / `capsule(T)` (the prefix given with its parenthesis), cached per type string. */
function inner(t: string, prefix: 'list(' | 'capsule('): string | undefined {
  const key = prefix === 'list(' ? t : '#' + t;
  let v = innerCache.get(key);
  if (v === undefined) innerCache.set(key, (v = t.startsWith(prefix) && t.endsWith(')') ? t.slice(prefix.length, -1) : null));
  return v ?? undefined;
}

/** Whether a value of type `from` can be given where `to` is expected; undefined when unknown. */
export function assignable(from: string, to: string): boolean {
  if (from === 'any' || to === 'any' || from === to) return true;
  const lt = inner(to, 'list(');
  const lf = inner(from, 'list(');
  if (lt !== undefined) return lf === undefined ? !isPrimitive(from) && !inner(from, 'capsule(') : assignable(lf, lt);
  const ct = inner(to, 'capsule(');
  const cf = inner(from, 'capsule(');
  if (ct !== undefined && cf !== undefined) return ct === cf;
  if (to === 'secret' || to === 'optional_secret') return from === 'string' || from === 'secret' || from === 'optional_secret';
  if (to === 'string' || to === 'duration') return from === 'string' || from === 'number' || from === 'duration' || from === 'optional_secret';
  if (to === 'number') return from === 'number' || from === 'string';
  if (to === 'bool') return from === 'bool';
  if (ct !== undefined) return cf !== undefined || !isPrimitive(from);
  return !(cf !== undefined && isPrimitive(to));
}

const isPrimitive = (t: string) => t === 'string' || t === 'number' || t === 'bool' || t === 'duration';

const NONE: FileDiagnostic[] = [];

/** Checks the references inside one attribute value against the attribute's type. */
export function checkValue(file: string, a: Attribute, e: Expr, want: string, typeOf: ExportTypeOf): FileDiagnostic[] {
  if (e.kind === 'Array') {
    const el = inner(want, 'list(');
    if (el === undefined) return NONE;
    let out: FileDiagnostic[] | undefined;
    for (const x of e.elements) {
      if (x.kind !== 'Access' && x.kind !== 'Array') continue;
      const d = checkValue(file, a, x, el, typeOf);
      if (d.length) pushAll((out ??= []), d);
    }
    return out ?? NONE;
  }
  if (e.kind !== 'Access') return NONE;
  const names = chain(e);
  if (names === undefined) return NONE;
  const got = typeOf(names);
  if (!got || assignable(got.type, want)) return NONE;
  const text = names.map((n) => n.name).join('.');
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

/** The names of a plain chain of field accesses on an identifier (`a.b.c`), else undefined. */
function chain(e: Expr): { name: string }[] | undefined {
  let depth = 1;
  let cur: Expr = e;
  while (cur.kind === 'Access') {
    depth++;
    cur = cur.value;
  }
  if (cur.kind !== 'Identifier') return undefined;
  const names: { name: string }[] = new Array(depth);
  cur = e;
  for (let i = depth - 1; cur.kind === 'Access'; i--) {
    names[i] = cur.name;
    cur = cur.value;
  }
  names[0] = cur as { name: string };
  return names;
}
