// Conversions between Alloy values and the plain data the simulators work on.

import { array, capsule, object, string, type Value, printValue, type CapsuleValue } from '@alloy-lint/values';
import type { Labels } from './samples.js';

export class SimError extends Error {}

/** Label sets (targets, entries' labels) as Alloy objects of strings. */
export function labelsValue(l: Labels): Value {
  const m = new Map<string, Value>();
  for (const k of Object.keys(l).sort()) m.set(k, string(l[k]));
  return object(m);
}

export function targetsValue(list: Labels[]): Value {
  return array(list.map(labelsValue));
}

/** Text of a string-like value (secrets included: the simulator needs their content). */
export function text(v: Value, what: string): string {
  if (v.t === 'string') return v.v;
  if (v.t === 'capsule' && (v.kind === 'secret' || v.kind === 'optional_secret')) return v.v;
  if (v.t === 'number' || v.t === 'bool') return String(v.v);
  throw new SimError(`${what}: expected string, got ${v.t}`);
}

export function isSecret(v: Value): boolean {
  return v.t === 'capsule' && (v.kind === 'secret' || (v.kind === 'optional_secret' && v.isSecret));
}

export function bool(v: Value, what: string): boolean {
  if (v.t === 'bool') return v.v;
  throw new SimError(`${what}: expected bool, got ${v.t}`);
}

export function num(v: Value, what: string): number {
  if (v.t === 'number') return Number(v.v);
  throw new SimError(`${what}: expected number, got ${v.t}`);
}

export function stringList(v: Value, what: string): string[] {
  if (v.t !== 'array') throw new SimError(`${what}: expected list(string), got ${v.t}`);
  return v.v.map((x, i) => text(x, `${what}[${i}]`));
}

/** A map(string) or a target: keys to strings. */
export function labelsOf(v: Value, what: string): Labels {
  const fields = v.t === 'object' ? v.v : v.t === 'capsule' && v.kind === 'opaque' ? v.toObject?.() : undefined;
  if (!fields) throw new SimError(`${what}: expected object, got ${v.t}`);
  const out: Labels = {};
  for (const [k, x] of fields) out[k] = x.t === 'null' ? '' : text(x, `${what}.${k}`);
  return out;
}

/** A list of targets (`list(map(string))`). */
export function targetsOf(v: Value, what: string): Labels[] {
  if (v.t !== 'array') throw new SimError(`${what}: expected list(map(string)), got ${v.t}`);
  return v.v.map((t, i) => labelsOf(t, `${what}[${i}]`));
}

/** Plain JavaScript data for display and for engines that take JSON-like input. */
export function toJs(v: Value): unknown {
  switch (v.t) {
    case 'null':
      return null;
    case 'string':
    case 'bool':
      return v.v;
    case 'number':
      return typeof v.v === 'bigint' ? (v.v <= BigInt(Number.MAX_SAFE_INTEGER) && v.v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v.v) : v.v.toString()) : v.v;
    case 'array':
      return v.v.map(toJs);
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, x] of v.v) o[k] = toJs(x);
      return o;
    }
    case 'capsule':
      if (v.kind === 'secret' || v.kind === 'optional_secret') return v.v;
      return printValue(v);
    default:
      return printValue(v);
  }
}

/** An opaque capsule carrying simulator data (receivers, relabel rules). */
export function handle<T>(goType: string, payload: T): CapsuleValue {
  return capsule(goType, payload);
}

export function payloadOf<T>(v: Value, goType: string): T | undefined {
  if (v.t === 'capsule' && v.kind === 'opaque' && v.go === goType) return v.payload as T;
  return undefined;
}

/** Decodes a list of capsules of one Go type (forward_to, output.traces, ...); `null` is an empty list. */
export function capsuleList<T>(v: Value | undefined, goType: string, what: string): T[] {
  if (v === undefined || v.t === 'null') return [];
  if (v.t !== 'array') throw new SimError(`${what}: expected list(capsule("${goType}")), got ${v.t}`);
  return v.v.map((x, i) => {
    const r = payloadOf<T>(x, goType);
    if (!r) throw new SimError(`${what}[${i}]: expected capsule("${goType}"), got ${x.t === 'capsule' ? `capsule(${JSON.stringify(x.kind === 'opaque' ? x.go : x.kind)})` : x.t}`);
    return r;
  });
}
