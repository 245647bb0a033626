// Decoding a stage block's body into plain JS values, with Alloy's conversions
// and its messages for missing, unknown and repeated attributes.

import { parseDuration } from '@alloy-lint/gostd';
import type { Block } from '@alloy-lint/parser';
import type { AttrSpec, BlockSpec, BodySpec } from '@alloy-lint/schemas';
import type { Value } from '@alloy-lint/values';
import type { BuildEnv } from './types.js';

/** How the simulation holds an attribute's value, from its type in the catalog. */
type AttrType = 'string' | 'bool' | 'int' | 'uint' | 'float' | 'duration' | 'bytes' | 'list(string)' | 'list(float)' | 'map(string)';

/** A configuration error; `decode` marks errors Alloy reports while decoding (no "invalid stage config" prefix). */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly decode = false,
  ) {
    super(message);
  }
}

const GO_TYPES: Record<AttrType, string> = {
  string: 'string',
  bool: 'bool',
  int: 'int',
  uint: 'uint64',
  float: 'float64',
  duration: 'time.Duration',
  bytes: 'any',
  'list(string)': '[]string',
  'list(float)': '[]float64',
  'map(string)': 'map[string]string',
};

function attrType(a: AttrSpec): AttrType {
  if (a.bytes) return 'bytes';
  if (a.type === 'number') return a.number ?? 'int';
  if (a.type === 'list(number)') return 'list(float)';
  if (a.type in GO_TYPES) return a.type as AttrType;
  throw new ConfigError(`cannot simulate attribute "${a.name}" of type ${a.type}`);
}

export interface Decoded {
  /** Attribute values: written, or the catalog's default; attributes with neither are left out. */
  v: Record<string, unknown>;
  /** Nested blocks in order. */
  blocks: Block[];
}

function toJs(val: Value, t: AttrType): unknown {
  switch (t) {
    case 'string':
      return val.t === 'string' ? val.v : '';
    case 'bool':
      return val.t === 'bool' ? val.v : false;
    case 'int':
    case 'uint':
      return val.t === 'number' ? Number(val.v) : 0;
    case 'float':
      return val.t === 'number' ? Number(val.v) : 0;
    case 'duration':
      return val.t === 'string' && val.dur !== undefined ? val.dur : 0n;
    case 'bytes':
      // units.Base2Bytes is an int64 with a text form: numbers are bytes, strings need a unit.
      if (val.t === 'number') return Number(val.v);
      if (val.t === 'string') return parseBase2Bytes(val.v);
      throw new ConfigError(`expected string, got ${val.t}`, true);
    case 'list(string)':
      return val.t === 'array' ? val.v.map((x) => (x.t === 'string' ? x.v : '')) : [];
    case 'list(float)':
      return val.t === 'array' ? val.v.map((x) => (x.t === 'number' ? Number(x.v) : 0)) : [];
    case 'map(string)': {
      const out: Record<string, string | null> = {};
      if (val.t === 'object') for (const [k, x] of val.v) out[k] = x.t === 'string' ? x.v : null;
      return out;
    }
  }
}

/** A default from the catalog (JSON, durations and sizes as Go prints them) in the simulation's form. */
function fromDefault(d: unknown, t: AttrType): unknown {
  if (t === 'duration' && typeof d === 'string') return parseDuration(d);
  if (t === 'bytes' && typeof d === 'string') return parseBase2Bytes(d);
  return d;
}

const byName = new WeakMap<BodySpec, Map<string, AttrSpec | BlockSpec>>();
const fieldsOf = (spec: BodySpec) => {
  let m = byName.get(spec);
  if (!m) byName.set(spec, (m = new Map(spec.fields.map((f) => [f.name, f]))));
  return m;
};

/** The body of nested block `name` (`rule`, `metric.counter`, `stage.json`) in the catalog, if it has one. */
export function innerSpec(spec: BodySpec, name: string): BodySpec | undefined {
  const f = fieldsOf(spec).get(name);
  return f?.kind === 'block' ? f.body : undefined;
}

/**
 * Decodes `block`'s body against its spec from the catalog (the attributes and blocks Alloy's
 * release accepts, with their types and defaults); throws ConfigError with Alloy's messages.
 */
export function decodeBody(block: Block, spec: BodySpec, env: BuildEnv): Decoded {
  const fields = fieldsOf(spec);
  const v: Record<string, unknown> = {};
  const blocks: Block[] = [];
  for (const stmt of block.body) {
    if (stmt.kind === 'Block') {
      const name = stmt.name.join('.');
      if (fields.get(name)?.kind !== 'block') throw new ConfigError(`unrecognized block name "${name}"`, true);
      blocks.push(stmt);
      continue;
    }
    const name = stmt.name.name;
    const a = fields.get(name);
    if (a?.kind !== 'attr') throw new ConfigError(`unrecognized attribute name "${name}"`, true);
    if (name in v) throw new ConfigError(`attribute "${name}" may only be provided once`, true);
    const t = attrType(a);
    const val = env.evalAttr(stmt.value, GO_TYPES[t]);
    if (val.t === 'null') continue;
    v[name] = toJs(val, t);
  }
  for (const f of spec.fields) {
    if (f.kind === 'attr') {
      if (f.name in v) continue;
      if (f.required) throw new ConfigError(`missing required attribute "${f.name}"`, true);
      if (f.default !== undefined) v[f.name] = fromDefault(f.default, attrType(f));
    } else if (f.required && !blocks.some((b) => b.name.join('.') === f.name)) {
      throw new ConfigError(`missing required block "${f.name}"`, true);
    }
  }
  return { v, blocks };
}

const BYTE_UNITS: Record<string, number> = {
  B: 1,
  KiB: 1024,
  kiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
  PiB: 1024 ** 5,
  EiB: 1024 ** 6,
  KB: 1024,
  kB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
  PB: 1024 ** 5,
  EB: 1024 ** 6,
};

/** `units.ParseBase2Bytes`: a sequence of number+unit pairs such as `1MiB` or `1GB512MB` (all base 2). */
export function parseBase2Bytes(s: string): number {
  const orig = s;
  if (s === '0') return 0;
  let total = 0;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') throw new ConfigError(`units: invalid ${orig}`, true);
  while (s.length > 0) {
    const m = /^(\d*\.?\d*)([^\d.]*)/.exec(s)!;
    if (m[1] === '' || m[1] === '.') throw new ConfigError(`units: invalid ${orig}`, true);
    if (m[2] === '') throw new ConfigError(`units: missing unit in ${orig}`, true);
    const unit = BYTE_UNITS[m[2]];
    if (unit === undefined) throw new ConfigError(`units: unknown unit ${m[2]} in ${orig}`, true);
    total += Number(m[1]) * unit;
    s = s.slice(m[0].length);
  }
  return Math.trunc(neg ? -total : total);
}

/** Go's time.ParseDuration, as seconds (for metric values given as durations). */
export function durationSeconds(s: string): number | undefined {
  try {
    return Number(parseDuration(s)) / 1e9;
  } catch {
    return undefined;
  }
}
