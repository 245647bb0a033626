// Static types: what an expression evaluates to, known without evaluating it. The same types
// describe the schema's argument and export types (`list(capsule(loki.LogsReceiver))`).

import type { TypeName, Value } from './value.js';

/**
 * A static type. Objects: `fields` known and no `elem` is a struct (other keys do not exist);
 * `elem` alone is a map whose values have that type; neither is an object we know nothing about.
 * Capsules carry their Go type name when known (`loki.LogsReceiver`, `discovery.Target`,
 * `secret`, `optional_secret`). Strings that are decoded as durations carry `format`.
 */
export type StaticType =
  | { readonly kind: 'any' }
  | { readonly kind: 'null' | 'number' | 'bool' }
  | { readonly kind: 'string'; readonly format?: 'duration' }
  | { readonly kind: 'capsule'; readonly name?: string }
  | { readonly kind: 'array'; readonly elem: StaticType }
  | { readonly kind: 'object'; readonly fields?: ReadonlyMap<string, StaticType>; readonly elem?: StaticType }
  | { readonly kind: 'function'; readonly returns: StaticType };

export const ANY: StaticType = { kind: 'any' };
export const NUMBER: StaticType = { kind: 'number' };
export const STRING: StaticType = { kind: 'string' };
export const BOOL: StaticType = { kind: 'bool' };
export const NULL_T: StaticType = { kind: 'null' };
export const OBJECT_ANY: StaticType = { kind: 'object' };
export const arrayOf = (elem: StaticType): StaticType => ({ kind: 'array', elem });
export const mapOf = (elem: StaticType): StaticType => ({ kind: 'object', elem });
export const capsuleOf = (name: string): StaticType => ({ kind: 'capsule', name });
/** A struct: exactly these fields. */
export const structOf = (fields: ReadonlyMap<string, StaticType>): StaticType => ({ kind: 'object', fields });

/** The Alloy type name (`array`, `capsule` ...), or 'any'. */
export function staticTypeName(t: StaticType): TypeName | 'any' {
  return t.kind;
}

/** True for an object whose keys are all known: reading another key fails. */
export function isStruct(t: StaticType): t is { kind: 'object'; fields: ReadonlyMap<string, StaticType> } {
  return t.kind === 'object' && t.fields !== undefined && t.elem === undefined;
}

const parsed = new Map<string, StaticType>();

/** Parses a schema type (`list(capsule(loki.LogsReceiver))`, `map(secret)`, `duration` ...); unknown spellings are `any`. */
export function parseTypeName(text: string): StaticType {
  let t = parsed.get(text);
  if (t === undefined) {
    t = computeType(text.trim());
    if (parsed.size < 10000) parsed.set(text, t);
  }
  return t;
}

function computeType(s: string): StaticType {
  switch (s) {
    case 'string':
      return STRING;
    case 'duration':
      return { kind: 'string', format: 'duration' };
    case 'number':
      return NUMBER;
    case 'bool':
      return BOOL;
    case 'null':
      return NULL_T;
    case 'object':
      return OBJECT_ANY;
    case 'secret':
    case 'optional_secret':
      return capsuleOf(s);
    case 'function':
      return { kind: 'function', returns: ANY };
  }
  const m = /^(list|map|capsule)\((.*)\)$/.exec(s);
  if (!m) return ANY;
  if (m[1] === 'capsule') return capsuleOf(m[2]);
  const inner = parseTypeName(m[2]);
  return m[1] === 'list' ? arrayOf(inner) : mapOf(inner);
}

/** The schema spelling of a type: the inverse of parseTypeName. */
export function typeName(t: StaticType): string {
  switch (t.kind) {
    case 'array':
      return `list(${typeName(t.elem)})`;
    case 'object':
      return t.elem && !t.fields ? `map(${typeName(t.elem)})` : 'object';
    case 'capsule':
      return t.name === undefined ? 'capsule' : t.name === 'secret' || t.name === 'optional_secret' ? t.name : `capsule(${t.name})`;
    case 'string':
      return t.format ?? 'string';
    default:
      return t.kind;
  }
}

/** Joins two types: the common type, or `any` when they differ. */
export function joinTypes(a: StaticType, b: StaticType): StaticType {
  if (a === b) return a;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (a.kind !== b.kind) return ANY;
  switch (a.kind) {
    case 'array':
      return arrayOf(joinTypes(a.elem, (b as typeof a).elem));
    case 'object':
      return OBJECT_ANY;
    case 'function':
      return { kind: 'function', returns: ANY };
    case 'capsule':
      return a.name === (b as typeof a).name ? a : { kind: 'capsule' };
    case 'string':
      return a.format === (b as typeof a).format ? a : STRING;
    default:
      return a;
  }
}

/** The static type of a value. */
export function typeOfValue(v: Value): StaticType {
  switch (v.t) {
    case 'array': {
      let elem: StaticType | undefined;
      for (const e of v.v) elem = elem ? joinTypes(elem, typeOfValue(e)) : typeOfValue(e);
      return arrayOf(elem ?? ANY);
    }
    case 'object':
      return structOf(new Map([...v.v].map(([k, x]) => [k, typeOfValue(x)])));
    case 'function':
      return { kind: 'function', returns: returnTypeOf(v.sig) };
    case 'capsule':
      return capsuleOf(v.kind === 'opaque' ? v.go : v.kind);
    case 'string':
      return STRING;
    default:
      return { kind: v.t };
  }
}

const GO_RESULTS: Record<string, StaticType> = {
  string: STRING,
  '[]string': arrayOf(STRING),
  '[]uint8': arrayOf(NUMBER),
  '[]interface {}': arrayOf(ANY),
};

/** Result type of a Go function signature (`func(string) (string, error)`). */
function returnTypeOf(sig: string): StaticType {
  const m = /\) \(?([^,)]+)/.exec(sig);
  return (m && GO_RESULTS[m[1].trim()]) || ANY;
}
