// Log entries moving between components: receivers, fan-out, and the record of each
// entry's way (its journey) when tracing is on.

import type { Value } from '@alloy-lint/values';
import type { LogEntry } from './engines.js';
import { Telemetry } from './otel/telemetry.js';
import { capsuleList, handle } from './value-js.js';

export const RECEIVER_TYPE = 'loki.LogsReceiver';

/** A snapshot of an entry for traces and reports. */
export interface EntryView {
  line: string;
  timestamp: string;
  labels: Record<string, string>;
  structuredMetadata: Record<string, string>;
  extracted?: Record<string, unknown>;
}

/** What one component did to an entry. */
export interface TraceStep {
  component: string;
  before: EntryView;
  /** `null` when the component dropped the entry. */
  after: EntryView | null;
  note?: string;
  /** loki.process: one item per stage, as the stage engine reports it. */
  stages?: unknown[];
  /** Relabel rules applied to the entry's labels. */
  rules?: unknown[];
}

export interface Journey {
  /** The component the entry came from. */
  origin: string;
  input: EntryView;
  steps: TraceStep[];
  outcome: { kind: 'delivered' | 'dropped' | 'unrouted' | 'converted'; component: string; reason?: string };
}

export interface FlowEntry {
  entry: LogEntry;
  origin: string;
  input?: EntryView;
  steps?: TraceStep[];
  depth: number;
}

interface Receiver {
  id: string;
}

export function smOf(e: LogEntry): Record<string, string> {
  const sm: Record<string, string> = {};
  for (const p of e.structuredMetadata) sm[p.name] = p.value;
  return sm;
}

export function view(e: LogEntry): EntryView {
  const v: EntryView = { line: e.line, timestamp: e.timestamp, labels: { ...e.labels }, structuredMetadata: smOf(e) };
  if (e.extracted && Object.keys(e.extracted).length) v.extracted = { ...e.extracted };
  return v;
}

export function cloneEntry(e: LogEntry): LogEntry {
  return { line: e.line, timestamp: e.timestamp, labels: { ...e.labels }, structuredMetadata: e.structuredMetadata.map((p) => ({ ...p })) };
}

const MAX_DEPTH = 64;

export class Flow {
  readonly journeys: Journey[] = [];
  private readonly handlers = new Map<string, (fe: FlowEntry) => void>();
  /** Loki push URLs served inside the simulation (pipelinetest sinks), by URL. */
  readonly pushTargets = new Map<string, { component: string; push: (fe: FlowEntry) => void }>();

  /** otelcol consumers and Prometheus appendables. */
  readonly otel: Telemetry;

  constructor(readonly tracing: boolean) {
    this.otel = new Telemetry(tracing);
  }

  /** Creates a receiver owned by `id`; the value is what the component exports. */
  receiver(id: string, handler: (fe: FlowEntry) => void): Value {
    this.handlers.set(id, handler);
    return handle<Receiver>(RECEIVER_TYPE, { id });
  }

  /** Decodes a `forward_to` list. */
  receiversOf(v: Value | undefined, what = 'forward_to'): Receiver[] {
    return capsuleList<Receiver>(v, RECEIVER_TYPE, what);
  }

  /** An entry entering the pipeline at a source. */
  start(origin: string, entry: LogEntry): FlowEntry {
    const fe: FlowEntry = { entry, origin, depth: 0 };
    if (this.tracing) {
      fe.input = view(entry);
      fe.steps = [];
    }
    return fe;
  }

  /** Records what `component` did; `after` defaults to the entry as it is now. */
  step(fe: FlowEntry, component: string, before: EntryView | undefined, extra: Partial<TraceStep> = {}, dropped = false): void {
    if (!fe.steps || !before) return;
    fe.steps.push({ component, before, after: dropped ? null : view(fe.entry), ...extra });
  }

  /** Sends the entry to every receiver (a copy each when there are several). */
  forward(from: string, to: Receiver[], fe: FlowEntry): void {
    if (to.length === 0) {
      this.end(fe, 'unrouted', from, 'forward_to is empty');
      return;
    }
    if (fe.depth >= MAX_DEPTH) {
      this.end(fe, 'dropped', from, `forwarded more than ${MAX_DEPTH} times (a loop?)`);
      return;
    }
    for (const r of to) {
      const handler = this.handlers.get(r.id);
      const next: FlowEntry =
        to.length === 1 ? { ...fe, depth: fe.depth + 1 } : { ...fe, entry: cloneEntry(fe.entry), steps: fe.steps && [...fe.steps], depth: fe.depth + 1 };
      if (!handler) {
        this.end(next, 'unrouted', r.id, 'receiver of a component that is not simulated');
        continue;
      }
      handler(next);
    }
  }

  end(fe: FlowEntry, kind: Journey['outcome']['kind'], component: string, reason?: string): void {
    if (!fe.steps || !fe.input) return;
    this.journeys.push({ origin: fe.origin, input: fe.input, steps: fe.steps, outcome: { kind, component, ...(reason ? { reason } : {}) } });
  }
}
