// The narrow interface through which otelcol.processor.transform, filter and tail
// sampling's ottl_condition reach an OTTL implementation.

import type { Attrs, DataPoint, LogRecord, Metric, Resource, Scope, Signal, Span, SpanEvent } from './pdata.js';

export type OttlContext = 'resource' | 'scope' | 'span' | 'spanevent' | 'log' | 'metric' | 'datapoint';

/** What a statement or condition sees: the item and its enclosing resource and scope. */
export interface OttlTarget {
  resource: Resource;
  scope: Scope;
  span?: Span;
  spanEvent?: SpanEvent;
  log?: LogRecord;
  metric?: Metric;
  dataPoint?: DataPoint;
  /** The transform processor's per-item cache map. */
  cache: Attrs;
}

/** What went wrong evaluating: an error contrib would report, or a function not simulated here. */
export type OttlFailure = { error: string } | { unsupported: string };

export interface CompiledStatements {
  /** The context each item is visited in (for inferred statements, the one the engine chose). */
  context: OttlContext;
  /** Runs every statement on the target, in order; stops at the first failure. */
  run(t: OttlTarget): OttlFailure | undefined;
}

export interface CompiledConditions {
  /** True when any condition holds (conditions are ORed, as upstream). */
  test(t: OttlTarget): boolean | OttlFailure;
}

export interface OttlEngine {
  /** `context` undefined: inferred from the paths the statements use (flat `statements` blocks). */
  statements(context: OttlContext | undefined, sources: string[], signal: Signal): CompiledStatements | { error: string };
  conditions(context: OttlContext, sources: string[]): CompiledConditions | { error: string };
}

