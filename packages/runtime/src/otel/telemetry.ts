// Telemetry moving between otelcol components (batches to `otelcol.Consumer`s) and
// Prometheus components (samples to `storage.Appendable`s), with fan-out and, when tracing,
// every item's journey.

import type { Value } from '@alloy-lint/values';
import { capsuleList, handle } from '../value-js.js';
import { APPENDABLE_TYPE, cloneSamples, type PromBatch, type PromSample } from '../prom/series.js';
import { itemView, sampleView, type ItemJourney, type ItemStep, type ItemView } from './journey.js';
import { cloneBatch, countItems, type Batch, type Item, type Resource, type Signal } from './pdata.js';

export const CONSUMER_TYPE = 'otelcol.Consumer';

/** client.Info: what the receiving server knew about the request. */
export interface ClientInfo {
  /** The sending peer's address (`10.0.1.45:52314`); lost after a batch processor. */
  addr?: string;
  metadata?: Record<string, string[]>;
  depth?: number;
}

export interface Consumer {
  id: string;
  /** Signals it takes; every signal when absent. */
  signals?: Signal[];
  consume(batch: Batch, info: ClientInfo): void;
}

interface Ref {
  id: string;
}

const MAX_DEPTH = 64;

export class Telemetry {
  readonly journeys: ItemJourney[] = [];
  /** Data refused on the way (a signal sent to a component that does not take it), once per kind. */
  readonly refused = new Set<string>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly appendables = new Map<string, { id: string; append(b: PromBatch, depth: number): void }>();

  constructor(readonly tracing: boolean) {}

  /** Registers the `input` of component `id`; the value is what it exports. */
  consumer(id: string, consume: Consumer['consume'], signals?: Signal[]): Value {
    const ref = `${id}.input`;
    this.consumers.set(ref, { id, consume, signals });
    return handle<Ref>(CONSUMER_TYPE, { id: ref });
  }

  /** Decodes a list(otelcol.Consumer). */
  refs(v: Value | undefined, what: string): Ref[] {
    return capsuleList<Ref>(v, CONSUMER_TYPE, what);
  }

  /** Marks the items of a batch entering the pipeline at `origin`. */
  start(origin: string, batch: Batch): void {
    if (!this.tracing) return;
    for (const r of batch.resources) for (const s of r.scopes) for (const it of s.items) it._j = { origin, input: itemView(it, r.resource), steps: [] };
  }

  /** Sends a batch to every consumer (a copy each when there are several). */
  forward(from: string, to: Ref[], batch: Batch, info: ClientInfo, emptyWhat = `output.${batch.signal}`): void {
    if (countItems(batch) === 0) return;
    if (to.length === 0) return this.endAll(batch, 'unrouted', from, `${emptyWhat} is empty`);
    const depth = (info.depth ?? 0) + 1;
    if (depth > MAX_DEPTH) return this.endAll(batch, 'dropped', from, `forwarded more than ${MAX_DEPTH} times (a loop?)`);
    to.forEach((r, i) => {
      const b = i === to.length - 1 ? batch : cloneBatch(batch);
      const c = this.consumers.get(r.id);
      if (!c) return this.endAll(b, 'unrouted', r.id.replace(/\.input$/, ''), 'component not simulated');
      if (c.signals && !c.signals.includes(b.signal)) {
        this.refused.add(`${c.id} does not take ${b.signal}: what ${from} sends there is refused (upstream: signal not supported)`);
        return this.endAll(b, 'dropped', c.id, `${c.id} does not accept ${b.signal}`);
      }
      c.consume(b, { ...info, depth });
    });
  }

  /** Registers the `receiver` (a storage.Appendable) of component `id`. */
  appendable(id: string, append: (b: PromBatch, depth: number) => void): Value {
    const ref = `${id}.receiver`;
    this.appendables.set(ref, { id, append });
    return handle<Ref>(APPENDABLE_TYPE, { id: ref });
  }

  /** Decodes a list(storage.Appendable) (`forward_to` of Prometheus components). */
  appendRefs(v: Value | undefined, what = 'forward_to'): Ref[] {
    return capsuleList<Ref>(v, APPENDABLE_TYPE, what);
  }

  /** Appends samples to every receiver (a copy each when there are several). */
  append(from: string, to: Ref[], b: PromBatch, depth = 0): void {
    if (b.samples.length === 0) return;
    if (to.length === 0) return this.endSamples(b, 'unrouted', from, 'forward_to is empty');
    if (depth + 1 > MAX_DEPTH) return this.endSamples(b, 'dropped', from, `forwarded more than ${MAX_DEPTH} times (a loop?)`);
    to.forEach((r, i) => {
      const copy = i === to.length - 1 ? b : cloneSamples(b);
      const a = this.appendables.get(r.id);
      if (!a) return this.endSamples(copy, 'unrouted', r.id.replace(/\.receiver$/, ''), 'component not simulated');
      a.append(copy, depth + 1);
    });
  }

  /** Like `step`, for Prometheus samples; `fn` may drop samples from `b` and note why. */
  stepSamples(component: string, b: PromBatch, fn: () => Map<PromSample, { note?: string; rules?: unknown[] }> | void, note?: string): void {
    if (!this.tracing) {
      fn();
      return;
    }
    const before = new Map(b.samples.filter((s) => s._j).map((s) => [s, sampleView(s.labels, s.value, s.t)]));
    const extra = fn() ?? new Map();
    const kept = new Set(b.samples);
    for (const [s, view] of before) {
      const x = extra.get(s) ?? {};
      const step: ItemStep = { component, before: view, after: kept.has(s) ? sampleView(s.labels, s.value, s.t) : null, ...((x.note ?? note) ? { note: x.note ?? note } : {}), ...(x.rules ? { rules: x.rules } : {}) };
      s._j!.steps.push(step);
      if (!kept.has(s)) this.end(s, 'dropped', component, x.note ?? 'dropped');
    }
  }

  endSamples(b: PromBatch, kind: ItemJourney['outcome']['kind'], component: string, reason?: string): void {
    if (this.tracing) for (const s of b.samples) this.end(s, kind, component, reason);
  }

  /** Ends every item's journey in `batch`. */
  endAll(batch: Batch, kind: ItemJourney['outcome']['kind'], component: string, reason?: string): void {
    if (!this.tracing) return;
    for (const r of batch.resources) for (const s of r.scopes) for (const it of s.items) this.end(it, kind, component, reason);
  }

  end(it: { _j?: Item['_j'] }, kind: ItemJourney['outcome']['kind'], component: string, reason?: string): void {
    const j = it._j;
    if (!j) return;
    this.journeys.push({ kind: j.input.kind, origin: j.origin, input: j.input, steps: j.steps, outcome: { kind, component, ...(reason ? { reason } : {}) } });
    it._j = undefined;
  }

  /**
   * Runs `fn` on a batch and records one step per item: before and after views, the item's
   * note from `fn`'s result, and a dropped outcome for items `fn` removed.
   */
  step<T extends Item>(component: string, batch: Batch<T>, fn: () => Map<T, string> | void, note?: string, dropReason = 'dropped'): void {
    if (!this.tracing) {
      fn();
      return;
    }
    const before = new Map<T, { view: ItemView; res: Resource }>();
    for (const r of batch.resources) for (const s of r.scopes) for (const it of s.items) if (it._j) before.set(it, { view: itemView(it, r.resource), res: r.resource });
    const notes = fn() ?? new Map<T, string>();
    const seen = new Set<T>();
    for (const r of batch.resources)
      for (const s of r.scopes)
        for (const it of s.items) {
          seen.add(it);
          const b = before.get(it);
          if (!b || !it._j) continue;
          const n = notes.get(it) ?? note;
          it._j.steps.push(stepOf(component, b.view, itemView(it, r.resource), n));
        }
    for (const [it, b] of before) {
      if (seen.has(it) || !it._j) continue;
      const reason = notes.get(it) ?? dropReason;
      it._j.steps.push(stepOf(component, b.view, null, reason));
      this.end(it, 'dropped', component, reason);
    }
  }
}

export function samplesStart(t: Telemetry, origin: string, b: PromBatch): void {
  if (!t.tracing) return;
  for (const s of b.samples) s._j = { origin, input: sampleView(s.labels, s.value, s.t), steps: [] };
}

function stepOf(component: string, before: ItemView, after: ItemView | null, note?: string): ItemStep {
  return { component, before, after, ...(note ? { note } : {}) };
}
