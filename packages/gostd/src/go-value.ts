// The Go values that fmt and encoding/json see. JS primitives stand for the dynamic types
// of decoded data (what an `interface{}` holds after json.Unmarshal); tagged objects carry
// any other Go type by name.

/** A value of a named or sized Go type. */
export type GoTyped =
  /** Integer types: unsigned when `type` starts with `u` (uint8, uint64, …). */
  | { readonly kind: 'int'; readonly type: string; readonly v: bigint }
  /** float32 or float64 (`type` decides the precision printed). */
  | { readonly kind: 'float'; readonly type: string; readonly v: number }
  | { readonly kind: 'string'; readonly type: string; readonly v: string }
  | { readonly kind: 'bool'; readonly type: string; readonly v: boolean }
  /** A slice; `[]uint8` prints as bytes with %s/%q/%x and encodes as base64 in JSON. */
  | { readonly kind: 'slice'; readonly type: string; readonly v: readonly GoValue[] }
  | { readonly kind: 'map'; readonly type: string; readonly v: ReadonlyMap<string, GoValue> }
  | { readonly kind: 'struct'; readonly type: string; readonly fields: readonly (readonly [string, GoValue])[] }
  /** A function value: %v prints a pointer, JSON refuses it. */
  | { readonly kind: 'func'; readonly type: string };

/**
 * A Go value: `null` is a nil interface, then bool, string, `bigint` (int), `number`
 * (float64), arrays (`[]interface {}`), Maps (`map[string]interface {}`), or a GoTyped.
 */
export type GoValue = null | boolean | string | bigint | number | readonly GoValue[] | ReadonlyMap<string, GoValue> | GoTyped;

export type GoKind = 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'func';

// The kind and type name of the JS primitives that stand for Go values.
const PRIMITIVE: Record<string, readonly [GoKind, string]> = {
  boolean: ['bool', 'bool'],
  string: ['string', 'string'],
  bigint: ['int', 'int'],
  number: ['float', 'float64'],
};

/** The reflect kind of `v` (ints split into signed and unsigned). */
export function goKind(v: GoValue): GoKind {
  if (v === null) return 'nil';
  const p = PRIMITIVE[typeof v];
  if (p) return p[0];
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  const t = v as GoTyped;
  if (t.kind === 'int') return t.type[0] === 'u' ? 'uint' : 'int';
  return t.kind;
}

/** The type name `%T` prints (`<nil>` for a nil interface). */
export function goTypeName(v: GoValue): string {
  if (v === null) return '<nil>';
  const p = PRIMITIVE[typeof v];
  if (p) return p[1];
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[string]interface {}';
  return (v as GoTyped).type;
}

/** The payload of a scalar or container: bigint, number, string, boolean, items or entries. */
export function goPayload(v: GoValue): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Map) return v;
  const t = v as GoTyped;
  return t.kind === 'struct' ? t.fields : t.kind === 'func' ? undefined : t.v;
}

/** A typed integer, e.g. `goInt('uint8', 7n)`. */
export const goInt = (type: string, v: bigint): GoTyped => ({ kind: 'int', type, v });
/** A typed float: `float32` or `float64`. */
export const goFloat = (type: string, v: number): GoTyped => ({ kind: 'float', type, v });
/** A struct with its fields in declaration order. */
export const goStruct = (type: string, fields: readonly (readonly [string, GoValue])[]): GoTyped => ({ kind: 'struct', type, fields });

/**
 * A GoValue from plain JS data (what JSON.parse returns): objects become maps,
 * `undefined` a nil interface; Maps and arrays are converted item by item.
 */
export function goValueOf(js: unknown): GoValue {
  if (js === undefined || js === null) return null;
  switch (typeof js) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
      return js;
    case 'object':
      break;
    default:
      return String(js);
  }
  if (Array.isArray(js)) return js.map(goValueOf);
  if (js instanceof Map) return new Map([...js].map(([k, v]) => [String(k), goValueOf(v)]));
  return new Map(Object.entries(js as Record<string, unknown>).map(([k, v]) => [k, goValueOf(v)]));
}

type Payload<K extends GoTyped['kind']> = Extract<GoTyped, { kind: K }>;
const typed = <K extends GoTyped['kind']>(v: GoValue) => v as unknown as Payload<K>;

/** The items of a slice value. */
export function goItems(v: GoValue): readonly GoValue[] {
  return Array.isArray(v) ? (v as readonly GoValue[]) : typed<'slice'>(v).v;
}

/** The entries of a map value. */
export function goEntries(v: GoValue): ReadonlyMap<string, GoValue> {
  return v instanceof Map ? v : typed<'map'>(v).v;
}

/** The fields of a struct value. */
export function goFields(v: GoValue): readonly (readonly [string, GoValue])[] {
  return typed<'struct'>(v).fields;
}

/** The bigint of an int/uint value, the number of a float, the string of a string, the boolean of a bool. */
export function goScalar(v: GoValue): bigint | number | string | boolean {
  return typeof v === 'object' && v !== null ? (typed<'int'>(v).v as bigint | number | string | boolean) : (v as bigint | number | string | boolean);
}

/** True for `[]uint8` / `[]byte` slices (printed as bytes by %s/%x, base64 in JSON). */
export function isByteSlice(v: GoValue): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && (typed<'slice'>(v).type === '[]uint8' || typed<'slice'>(v).type === '[]byte');
}
