// Whether a value of one static type decodes into an argument of another, following the rules
// of Alloy's decoder (syntax/internal/value/decode.go): number ↔ string conversions, strings and
// optional secrets into secrets, objects into discovery targets and targets into string maps.

import { quote } from '@alloy-lint/gostd';
import { typeName, type StaticType } from './static-type.js';

/** Why a value cannot be decoded into a target, in the words Alloy's evaluator uses. */
export interface Mismatch {
  /** Where inside the value it fails, as Alloy prints it: `''`, `[0]`, `.name`. */
  path: string;
  /** Alloy's message after the expression: `should be capsule, got array`, `expected capsule("x"), got capsule("y")`. */
  message: string;
}

const TARGET = 'discovery.Target';
const isSecretName = (n: string | undefined) => n === 'secret' || n === 'optional_secret';

/** The Alloy type name a target decodes from (what `should be …` names). */
function alloyKind(t: StaticType): string {
  return t.kind === 'string' ? 'string' : t.kind;
}

function describe(t: StaticType): string {
  if (t.kind !== 'capsule') return t.kind;
  return t.name === undefined ? 'capsule' : `capsule(${quote(t.name)})`;
}

/** Go type a static type stands for, as conversion errors print it (`%T`). */
function goName(t: StaticType): string {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'number':
      return 'int64';
    case 'array':
      return t.elem.kind === 'capsule' && t.elem.name ? `[]${t.elem.name}` : t.elem.kind === 'string' ? '[]string' : '[]interface {}';
    default:
      return typeName(t);
  }
}

/** Target's conversion error for a value it cannot take (its message quotes the Go type in single quotes). */
const targetFrom = (t: StaticType): Mismatch => ({ path: '', message: `target::ConvertFrom: conversion from ${"'" + goName(t) + "'"} is not supported` });

const typeError = (to: StaticType, from: StaticType): Mismatch => ({ path: '', message: `should be ${alloyKind(to)}, got ${from.kind}` });

/**
 * The first reason a value of type `from` cannot be decoded into `to`, or undefined when it can
 * (or may: `any` on either side, or conversions that depend on the value, such as a string
 * into a number, count as possible).
 */
export function conversionProblem(from: StaticType, to: StaticType): Mismatch | undefined {
  if (from.kind === 'any' || to.kind === 'any' || from.kind === 'null') return undefined;
  switch (to.kind) {
    case 'string':
      if (from.kind === 'string' || from.kind === 'number') return undefined;
      if (from.kind === 'capsule') {
        if (from.name === 'secret') return { path: '', message: 'secrets may not be converted into strings' };
        if (from.name === 'optional_secret' || from.name === undefined) return undefined;
      }
      // A byte array (encoding.from_base64) converts into a string.
      if (from.kind === 'array' && (from.elem.kind === 'number' || from.elem.kind === 'any')) return undefined;
      return typeError(to, from);
    case 'number':
      if (from.kind === 'number' || from.kind === 'string') return undefined;
      // An optional secret that is not secret converts into a string, and that into a number.
      if (from.kind === 'capsule' && (from.name === 'optional_secret' || from.name === undefined)) return undefined;
      return typeError(to, from);
    case 'bool':
      return from.kind === 'bool' ? undefined : typeError(to, from);
    case 'array': {
      if (from.kind !== 'array') return typeError(to, from);
      const inner = conversionProblem(from.elem, to.elem);
      return inner && { path: `[0]${inner.path}`, message: inner.message };
    }
    case 'object':
      return intoObject(from, to);
    case 'capsule':
      return intoCapsule(from, to);
    default:
      return from.kind === to.kind ? undefined : typeError(to, from);
  }
}

function intoObject(from: StaticType, to: StaticType & { kind: 'object' }): Mismatch | undefined {
  if (from.kind === 'capsule') {
    // A target converts into a map of strings; other capsules do not convert into objects.
    if (from.name === TARGET || from.name === undefined) return undefined;
    return typeError(to, from);
  }
  if (from.kind !== 'object') return typeError(to, from);
  const want = to.elem;
  if (!want) return undefined;
  if (from.fields) {
    for (const [k, t] of from.fields) {
      const inner = conversionProblem(t, want);
      if (inner) return { path: `.${k}${inner.path}`, message: inner.message };
    }
  }
  if (from.elem) {
    const inner = conversionProblem(from.elem, want);
    if (inner) return inner;
  }
  return undefined;
}

function intoCapsule(from: StaticType, to: StaticType & { kind: 'capsule' }): Mismatch | undefined {
  const want = to.name;
  if (want === undefined) return undefined;
  if (isSecretName(want)) {
    if (from.kind === 'string') return undefined;
    if (from.kind === 'capsule' && (isSecretName(from.name) || from.name === undefined)) return undefined;
    return typeError(to, from);
  }
  if (from.kind === 'capsule') {
    if (from.name === undefined || from.name === want) return undefined;
    if (want === TARGET) return targetFrom(from);
    if (from.name === TARGET) return { path: '', message: `target::ConvertInto: conversion to '*${want}' is not supported` };
    return { path: '', message: `expected capsule(${quote(want)}), got ${describe(from)}` };
  }
  if (want === TARGET) return from.kind === 'object' ? undefined : targetFrom(from);
  return typeError(to, from);
}
