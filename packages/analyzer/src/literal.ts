import { GoError, parseDuration, quote, unquote } from '@alloy-lint/gostd';
import type { Expr, Literal } from '@alloy-lint/parser';
import { convertValue, string } from '@alloy-lint/values';
import type { TextRule } from './schema.js';
import { pushAll } from './diagnostic.js';

export interface LiteralProblem {
  message: string;
  start: number;
  end: number;
}

type Base = 'string' | 'number' | 'bool' | 'array' | 'object' | 'capsule' | 'any';

const baseCache = new Map<string, Base>();
const elementCache = new Map<string, string>();

/** The Alloy value type a schema type decodes from. */
export function baseType(type: string): Base {
  let b = baseCache.get(type);
  if (b === undefined) baseCache.set(type, (b = computeBase(type)));
  return b;
}

function computeBase(type: string): Base {
  if (type === 'string' || type === 'duration') return 'string';
  if (type === 'number') return 'number';
  if (type === 'bool') return 'bool';
  if (type.startsWith('list(')) return 'array';
  if (type.startsWith('map(') || type === 'object' || type.startsWith('object(')) return 'object';
  if (type === 'secret' || type === 'optional_secret' || type.startsWith('capsule(')) return 'capsule';
  return 'any';
}

/** Element type of `list(T)` / `map(T)`, or `any`. */
export function elementType(type: string): string {
  let e = elementCache.get(type);
  if (e === undefined) {
    const m = /^(?:list|map)\((.*)\)$/.exec(type);
    elementCache.set(type, (e = m ? m[1] : 'any'));
  }
  return e;
}

function literalType(l: Literal): string {
  switch (l.litKind) {
    case 'STRING': return 'string';
    case 'NUMBER': case 'FLOAT': return 'number';
    case 'BOOL': return 'bool';
    default: return 'null';
  }
}


export function stringValue(l: Literal): string | undefined {
  if (l.litKind !== 'STRING') return undefined;
  try {
    return unquote(l.raw);
  } catch {
    return undefined;
  }
}

/** time.ParseDuration's error for `s` (as Alloy decodes duration arguments), undefined when it parses. */
function durationError(s: string): string | undefined {
  try {
    parseDuration(s);
    return undefined;
  } catch (e) {
    if (e instanceof GoError) return e.message;
    throw e;
  }
}

/** Whether Alloy converts the string `s` into a number (strconv's rules, not JavaScript's `Number`). */
function convertsToNumber(s: string): boolean {
  try {
    convertValue(string(s), 'number');
    return true;
  } catch {
    return false;
  }
}

/** Go type name of a literal, as conversion errors name it. */
function goTypeOf(l: Literal): string {
  if (l.litKind === 'FLOAT') return 'float64';
  if (l.litKind === 'NUMBER') return /^\d+$/.test(l.raw) && BigInt(l.raw) > 9223372036854775807n ? 'uint64' : 'int64';
  return literalType(l);
}

function checkText(s: string, rule: TextRule): string | undefined {
  const ok = rule.caseInsensitive ? rule.values.some((v) => v.toLowerCase() === s.toLowerCase()) : rule.values.includes(s);
  if (ok) return undefined;
  let used = false;
  return rule.message.replace(/%[vsq]/g, (verb) => {
    if (used) return quote(`[${rule.values.join(' ')}]`);
    used = true;
    return verb === '%q' ? quote(s) : s;
  });
}

/** Can literal `l` be decoded into `type`? Returns Alloy's error text when not. */
function checkValue(l: Literal, type: string, rule?: TextRule): string | undefined {
  const have = literalType(l);
  if (have === 'null') return undefined;
  if (rule && have === 'string') {
    const s = stringValue(l);
    if (s !== undefined) return checkText(s, rule);
  }
  if (type === 'capsule(discovery.Target)' && have !== 'object') return `target::ConvertFrom: conversion from '${goTypeOf(l)}' is not supported`;
  const base = baseType(type);
  switch (base) {
    case 'any':
      return undefined;
    case 'string':
      if (have === 'bool') return 'expected string, got bool';
      if (type === 'duration' && have === 'string') {
        const s = stringValue(l);
        if (s !== undefined) return durationError(s);
      }
      return undefined;
    case 'number':
      if (have === 'number') return undefined;
      if (have === 'string') {
        const s = stringValue(l);
        return s !== undefined && convertsToNumber(s) ? undefined : 'expected number, got string';
      }
      return `expected number, got ${have}`;
    case 'bool':
      return have === 'bool' ? undefined : `expected bool, got ${have}`;
    case 'array':
      return `expected array, got ${have}`;
    case 'object':
      return `expected object, got ${have}`;
    case 'capsule':
      if (type === 'secret' || type === 'optional_secret') return have === 'string' || have === 'number' ? undefined : `expected capsule, got ${have}`;
      return `expected ${type.replace(/^capsule\((.*)\)$/, 'capsule("$1")')}, got ${have}`;
  }
}

/** Alloy's literal-only type check of an attribute value (see the validator's typecheck). */
export function checkLiteral(e: Expr, type: string, rule?: TextRule): LiteralProblem[] | undefined {
  switch (e.kind) {
    case 'Literal': {
      const m = checkValue(e, type, rule);
      return m ? [{ message: m, start: e.start, end: e.end }] : undefined;
    }
    case 'Array': {
      const base = baseType(type);
      if (base === 'any') return undefined;
      if (base !== 'array') return [{ message: `expected ${base}, got array`, start: e.start, end: e.end }];
      const el = elementType(type);
      if (baseType(el) === 'any') return undefined;
      let out: LiteralProblem[] | undefined;
      for (const x of e.elements) {
        if (x.kind !== 'Literal' && x.kind !== 'Array' && x.kind !== 'Object' && x.kind !== 'Unary') continue;
        const p = checkLiteral(x, el);
        if (p) pushAll((out ??= []), p);
      }
      return out;
    }
    case 'Object': {
      const base = baseType(type);
      if (base === 'any') return undefined;
      if (base === 'capsule') {
        return type === 'capsule(discovery.Target)' ? undefined : [{ message: 'expected capsule, got object', start: e.start, end: e.end }];
      }
      if (base !== 'object') return [{ message: `expected ${base}, got object`, start: e.start, end: e.end }];
      const el = elementType(type);
      if (baseType(el) === 'any') return undefined;
      let out: LiteralProblem[] | undefined;
      for (const f of e.fields) {
        const p = checkLiteral(f.value, el);
        if (p) pushAll((out ??= []), p);
      }
      return out;
    }
    case 'Unary':
      return e.value.kind === 'Literal' ? checkLiteral(e.value, type, rule) : undefined;
    default:
      return undefined;
  }
}
