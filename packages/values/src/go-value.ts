// Alloy values as the Go values fmt and encoding/json see (what a function receiving
// `interface{}` gets), and decoded Go data back as Alloy values.

import { goFloat, goInt, goStruct, jsonDecode as goJsonDecode, jsonMarshal, sprintf as goSprintf, type GoValue } from '@alloy-lint/gostd';
import { MAX_DEPTH } from '@alloy-lint/parser';
import { array, bool, float64, int64, NULL, object, string, type Value } from './value.js';

/**
 * The Go value behind `v`. With `json`, capsules convertible into an object (like
 * `discovery.Target`) marshal as that object, as their MarshalJSON does.
 */
export function toGoValue(v: Value, json = false): GoValue {
  switch (v.t) {
    case 'null':
      return null;
    case 'bool':
      return v.v;
    case 'number':
      if (typeof v.v === 'number') return v.go === 'float64' ? v.v : goFloat(v.go, v.v);
      return goInt(v.go, v.v);
    case 'string':
      return v.go ? { kind: 'string', type: v.go, v: v.v } : v.v;
    case 'array': {
      const items = v.v.map((e) => toGoValue(e, json));
      return v.go ? { kind: 'slice', type: v.go, v: items } : items;
    }
    case 'object':
      return new Map([...v.v].map(([k, e]) => [k, toGoValue(e, json)]));
    case 'function':
      return { kind: 'func', type: v.sig };
    case 'capsule':
      if (v.kind === 'secret') return { kind: 'string', type: 'alloytypes.Secret', v: v.v };
      if (v.kind === 'optional_secret') return goStruct('alloytypes.OptionalSecret', [['IsSecret', v.isSecret], ['Value', v.v]]);
      if (json && v.toObject) {
        const o = v.toObject();
        if (o) return toGoValue(object(o), true);
      }
      return goStruct(v.go, []);
  }
}

/** Decoded Go data (json.Unmarshal into `any`) as an Alloy value. */
export function fromGoValue(g: GoValue): Value {
  if (g === null) return NULL;
  switch (typeof g) {
    case 'boolean':
      return bool(g);
    case 'string':
      return string(g);
    case 'number':
      return float64(g);
    case 'bigint':
      return int64(g);
  }
  if (Array.isArray(g)) return array(g.map(fromGoValue), '[]interface {}');
  if (g instanceof Map) return object(new Map([...g].map(([k, e]) => [k, fromGoValue(e as GoValue)])));
  throw new TypeError(`no Alloy value for Go ${(g as { type: string }).type}`);
}

/** fmt.Sprintf with Alloy values as the operands (what `string.format` does). */
export function sprintf(format: string, args: readonly Value[]): string {
  return goSprintf(format, args.map((a) => toGoValue(a)));
}

/** json.Unmarshal into `any`, as an Alloy value; with `ints`, integers stay int64. Throws GoError. */
export function jsonDecode(text: string, ints = false): Value {
  // Nesting is bounded by the parser's limit, as every walk over the decoded value is.
  return fromGoValue(goJsonDecode(text, ints, MAX_DEPTH));
}

/** json.Marshal of an Alloy value. Throws GoError. */
export function jsonEncode(v: Value): string {
  return jsonMarshal(toGoValue(v, true));
}
