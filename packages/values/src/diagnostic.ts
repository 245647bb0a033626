// Turns an evaluation failure into Alloy's diagnostic: the message is prefixed
// by the printed source of the node that produced the offending value plus the
// path into it (`key_value.object.field1[2] should be number, got string`).

import type { Expr } from '@alloy-lint/parser';
import { quote } from '@alloy-lint/gostd';
import { ArgErr, ElementErr, FieldErr, MissingKeyErr, PlainErr, PositionedErr, TypeErr, ValueErr, failureMessage, type Failure } from './errors.js';
import { identity } from './identity.js';
import { printExpr, type LineOf } from './print-expr.js';
import { printValue } from './print-value.js';
import type { Value } from './value.js';

export interface EvalError {
  message: string;
  /** Byte range of the node the error is about; absent when Alloy cannot place it (`-:`). */
  start?: number;
  end?: number;
  /** A plain error that Alloy prints without any position prefix. */
  bare?: boolean;
  /** The offending value rendered as Alloy text, when it is not written in the source. */
  value?: string;
}

export function makeDiagnostic(err: Failure, assoc: ReadonlyMap<unknown, Expr>, lineOf?: LineOf): EvalError {
  if (err instanceof PositionedErr) return { message: err.message, start: err.start, end: err.end };
  if (err instanceof PlainErr) return { message: err.message, bare: true };

  let node: Expr | undefined;
  let path = '';
  let message = '';
  let cause: Value | undefined;
  let literal = false;

  for (let e: Failure | undefined = err; e; ) {
    let val: Value;
    let next: Failure | undefined;
    if (e instanceof ValueErr) {
      message = failureMessage(e);
      val = e.value;
      next = e.inner;
    } else if (e instanceof TypeErr) {
      message = `should be ${e.expected}, got ${e.value.t}`;
      val = e.value;
    } else if (e instanceof MissingKeyErr) {
      message = `does not have field named ${quote(e.missing)}`;
      val = e.value;
    } else if (e instanceof ElementErr) {
      path += `[${e.index}]`;
      val = e.value;
      next = e.inner;
    } else if (e instanceof FieldErr) {
      path += `.${e.field}`;
      val = e.value;
      next = e.inner;
    } else if (e instanceof ArgErr) {
      message = failureMessage(e.inner);
      val = e.arg;
      next = e.inner;
    } else break;

    cause = val;
    const found = val.t === 'null' ? undefined : assoc.get(identity(val));
    if (found) {
      if (literal) path = '';
      node = found;
      literal = true;
    } else literal = false;
    e = next;
  }

  const out: EvalError = { message: node ? `${printExpr(node, lineOf)}${path} ${message}` : `${path} ${message}` };
  if (node) {
    out.start = node.start;
    out.end = node.end;
  }
  if (cause && cause.t !== 'null' && !literal) out.value = printValue(cause);
  return out;
}
