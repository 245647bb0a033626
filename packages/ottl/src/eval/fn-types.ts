// What a function implementation receives: its arguments, lazily evaluated, and the evaluation
// environment (context, data, loop variables).
import type * as A from '../ast.js';
import type { ContextName } from '../catalog/contexts.js';
import type { OValue, Telemetry } from './model.js';
import type { Accessor } from './paths.js';

export interface Arg {
  node: A.Value;
  /** The argument's value. */
  get(): OValue;
  /** The argument as a settable path (editors' targets). */
  target(): Accessor;
  /** The argument as a function name (`SHA256`). */
  funcName(): string;
}

export interface Env {
  context: ContextName;
  data: Telemetry;
  inferred: boolean;
  locals: Map<string, OValue>;
  value(v: A.Value): OValue;
  bool(b: A.BoolExpr): boolean;
  access(p: A.PathExpr): Accessor;
}

/** A function: positional arguments (named ones already placed; absent optionals are undefined). */
export type Impl = (args: (Arg | undefined)[], env: Env) => OValue;
