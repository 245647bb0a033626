// Shapes shared by the loki.process simulation: public entries and traces, the
// internal mutable entry the stages work on, and the stage interface.

import type { Registry } from './metrics.js';

/** A log entry as callers see it. */
export interface LogEntry {
  line: string;
  /** RFC 3339 with optional nanoseconds; outputs are UTC RFC3339Nano. */
  timestamp: string;
  labels: Record<string, string>;
  structuredMetadata: { name: string; value: string }[];
  /** The extracted map (JSON-like values); on input it seeds the map, on output it is the final map. */
  extracted?: Record<string, unknown>;
}

/** What one stage did to one entry. */
export interface StageTrace {
  /** `stage.json`, or `stage.match/stage.labels` inside a match. */
  stage: string;
  /** Position of the stage: `2`, or `2.0` for the first stage inside the match at index 2. */
  index: string;
  before: LogEntry;
  /** The entry after the stage; null when the stage dropped it or held it back (multiline, cri partial). */
  after: LogEntry | null;
  /** Why the entry went no further, when it did not. */
  dropped?: string;
  /** Extracted map after the stage. */
  extracted: Record<string, unknown>;
}

/** The mutable entry inside the pipeline. Timestamps are nanoseconds since the Unix epoch. */
export interface Entry {
  line: string;
  ts: bigint;
  labels: Map<string, string>;
  sm: { name: string; value: string }[];
  extracted: Map<string, unknown>;
}

/** Per-call context a stage reports through. */
export interface RunCtx {
  /** Set by a stage that drops or holds back the entry it was given. */
  dropped?: string;
  /** Trace sink, when tracing. */
  trace?: StageTrace[];
  now: () => Date;
}

/** A built stage. `process` mutates the entry and returns it, null (dropped or held), or several entries. */
export interface Stage {
  readonly name: string;
  process(e: Entry, ctx: RunCtx): Entry | null | Entry[];
  /** End of input: entries still held (multiline blocks). */
  flush?(ctx: RunCtx): Entry[];
  /** Nested stages (match) produce their own traces. */
  readonly tracesItself?: boolean;
}

/** What a stage builder gets. */
export interface BuildEnv {
  registry: Registry;
  now: () => Date;
  /** Builds a nested pipeline (for stage.match) from stage blocks of a body with spec `spec`. */
  nested: (blocks: import('@alloy-lint/parser').Block[], prefix: string, spec: import('@alloy-lint/schemas').BodySpec) => NestedPipeline | { error: string };
  /** Evaluates an attribute expression into a Go type; throws a message on failure. */
  evalAttr: (e: import('@alloy-lint/parser').Expr, goType: string) => import('@alloy-lint/values').Value;
}

export interface NestedPipeline {
  run(e: Entry, ctx: RunCtx): Entry[];
  flush(ctx: RunCtx): Entry[];
}

export function cloneEntry(e: Entry): Entry {
  return { line: e.line, ts: e.ts, labels: new Map(e.labels), sm: e.sm.map((p) => ({ name: p.name, value: p.value })), extracted: new Map(e.extracted) };
}
