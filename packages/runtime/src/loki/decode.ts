// Decoding a stage block's body into plain JS values, with Alloy's conversions
// and its messages for missing, unknown and repeated attributes.

import type { Block } from '@alloy-lint/parser';
import { parseDuration, type Value } from '@alloy-lint/values';
import type { BuildEnv } from './types.js';

export type AttrType =
  | 'string'
  | 'bool'
  | 'int'
  | 'uint'
  | 'float'
  | 'duration'
  | 'bytes'
  | 'list(string)'
  | 'list(float)'
  | 'map(string)';

export interface BodySpec {
  attrs: Record<string, AttrType>;
  required?: string[];
  /** Allowed nested block names (dotted), e.g. `rule`, `metric.counter`, or `stage.*`. */
  blocks?: string[];
}

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

export interface Decoded {
  /** Attribute values; absent attributes are left out. */
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

/** Decodes `block`'s body against `spec`; throws ConfigError. */
export function decodeBody(block: Block, spec: BodySpec, env: BuildEnv): Decoded {
  const v: Record<string, unknown> = {};
  const blocks: Block[] = [];
  for (const stmt of block.body) {
    if (stmt.kind === 'Block') {
      const name = stmt.name.join('.');
      const ok = spec.blocks?.some((b) => b === name || (b.endsWith('.*') && name.startsWith(b.slice(0, -1))));
      if (!ok) throw new ConfigError(`unrecognized block name "${name}"`, true);
      blocks.push(stmt);
      continue;
    }
    const name = stmt.name.name;
    const t = spec.attrs[name];
    if (!t) throw new ConfigError(`unrecognized attribute name "${name}"`, true);
    if (name in v) throw new ConfigError(`attribute "${name}" may only be provided once`, true);
    const val = env.evalAttr(stmt.value, GO_TYPES[t]);
    if (val.t === 'null') continue;
    v[name] = toJs(val, t);
  }
  for (const r of spec.required ?? []) if (!(r in v)) throw new ConfigError(`missing required attribute "${r}"`, true);
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
