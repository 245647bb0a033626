// Evaluation failures. They mirror the error types of Alloy's value package so
// that the diagnostic text (node text, access path, message) comes out the same.
// They are thrown inside the evaluator and always caught before reaching callers.

import { quote } from '@alloy-lint/gostd';
import type { FunctionValue, TypeName, Value } from './value.js';

/** A problem about a value; message comes from `inner`. */
export class ValueErr {
  constructor(
    readonly value: Value,
    readonly inner: Failure,
  ) {}
}

/** A value of the wrong type: `expected <T>, got <U>` (`should be …` once rendered). */
export class TypeErr {
  constructor(
    readonly value: Value,
    readonly expected: TypeName,
  ) {}
}

/** An object key that the target does not have. */
export class MissingKeyErr {
  constructor(
    readonly value: Value,
    readonly missing: string,
  ) {}
}

/** A problem inside element `index` of an array value. */
export class ElementErr {
  constructor(
    readonly value: Value,
    readonly index: number,
    readonly inner: Failure,
  ) {}
}

/** A problem inside field `field` of an object value. */
export class FieldErr {
  constructor(
    readonly value: Value,
    readonly field: string,
    readonly inner: Failure,
  ) {}
}

/** A bad argument to a function. */
export class ArgErr {
  constructor(
    readonly fn: FunctionValue,
    readonly arg: Value,
    readonly index: number,
    readonly inner: Failure,
  ) {}
}

/** A plain error (Go `error` not from the value package): printed without position. */
export class PlainErr {
  constructor(readonly message: string) {}
}

/** An error that already has a source range (undefined identifier, missing field). */
export class PositionedErr {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
  ) {}
}

export type Failure = ValueErr | TypeErr | MissingKeyErr | ElementErr | FieldErr | ArgErr | PlainErr | PositionedErr;

export function isFailure(e: unknown): e is Failure {
  return (
    e instanceof ValueErr ||
    e instanceof TypeErr ||
    e instanceof MissingKeyErr ||
    e instanceof ElementErr ||
    e instanceof FieldErr ||
    e instanceof ArgErr ||
    e instanceof PlainErr ||
    e instanceof PositionedErr
  );
}

/** The Go `Error()` text of a failure. */
export function failureMessage(e: Failure): string {
  if (e instanceof TypeErr) return `expected ${e.expected}, got ${e.value.t}`;
  if (e instanceof MissingKeyErr) return `key ${quote(e.missing)} does not exist`;
  if (e instanceof PlainErr || e instanceof PositionedErr) return e.message;
  return failureMessage(e.inner);
}

/** Shorthand for a ValueErr with a plain message. */
export function valueErr(value: Value, message: string): ValueErr {
  return new ValueErr(value, new PlainErr(message));
}
