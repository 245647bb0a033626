// Building and running a loki.process pipeline: stages in order, labels copied
// into the extracted map first, entries fanning out or being held, traces.

import type { Block, Expr, SourceFile } from '@alloy-lint/parser';
import type { BodySpec, ComponentCatalog } from '@alloy-lint/schemas';
import { evaluate, formatEvalError, type Scope, type Value } from '@alloy-lint/values';
import { ConfigError, innerSpec } from './decode.js';
import { formatRFC3339Nano, nsFromDate, parseRFC3339 } from '@alloy-lint/gostd';
import { Registry } from './metrics.js';
import { BUILDERS, UNSUPPORTED } from './stages/index.js';
import type { BuildEnv, Entry, LogEntry, NestedPipeline, RunCtx, Stage, StageTrace } from './types.js';

export interface PipelineOptions {
  /** The Alloy release's catalog: which stages exist, their attributes, types and defaults. */
  catalog: ComponentCatalog;
  /** The clock (for older_than, pack's ingest time, limits, multiline timeouts). Defaults to a fixed epoch-0 clock. */
  now?: () => Date;
  /** Copy labels into the extracted map before the first stage (Alloy always does; default true). */
  copyLabelsToExtracted?: boolean;
  /** Record a StageTrace per stage and entry (default true; turn off for speed). */
  trace?: boolean;
  /** Variables visible to stage attribute expressions (e.g. other components' exports). */
  scope?: Scope;
  /** Environment for `sys.env` in attribute expressions. */
  env?: Readonly<Record<string, string>>;
}

interface Placed {
  stage: Stage;
  label: string;
  index: string;
}

/** Internal → public entry. */
export function toLogEntry(e: Entry): LogEntry {
  const labels: Record<string, string> = {};
  for (const k of [...e.labels.keys()].sort()) labels[k] = e.labels.get(k)!;
  const extracted: Record<string, unknown> = {};
  for (const [k, v] of e.extracted) extracted[k] = v;
  return { line: e.line, timestamp: formatRFC3339Nano(e.ts), labels, structuredMetadata: e.sm.map((p) => ({ name: p.name, value: p.value })), extracted };
}

/** Public → internal entry; `timestamp` may also be "now". */
export function fromLogEntry(l: LogEntry, now: () => Date): Entry {
  let ts: bigint | undefined;
  if (l.timestamp === 'now' || l.timestamp === undefined || l.timestamp === '') ts = nsFromDate(now());
  else ts = parseRFC3339(l.timestamp);
  if (ts === undefined) ts = nsFromDate(now());
  const labels = new Map<string, string>();
  for (const k in l.labels) labels.set(k, l.labels[k]);
  const extracted = new Map<string, unknown>();
  if (l.extracted) for (const k in l.extracted) extracted.set(k, l.extracted[k]);
  return { line: l.line, ts, labels, sm: (l.structuredMetadata ?? []).map((p) => ({ name: p.name, value: p.value })), extracted };
}

export class StagePipeline implements NestedPipeline {
  constructor(
    private readonly stages: Placed[],
    private readonly copyLabels: boolean,
  ) {}

  run(e: Entry, ctx: RunCtx): Entry[] {
    if (this.copyLabels) for (const [k, v] of e.labels) e.extracted.set(k, v);
    return this.runFrom(0, [e], ctx);
  }

  /** Runs `entries` through the stages starting at `from`. */
  runFrom(from: number, entries: Entry[], ctx: RunCtx): Entry[] {
    let cur = entries;
    for (let i = from; i < this.stages.length && cur.length > 0; i++) {
      const p = this.stages[i];
      const next: Entry[] = [];
      for (const e of cur) {
        ctx.dropped = undefined;
        let t: StageTrace | undefined;
        if (ctx.trace) {
          const before = toLogEntry(e);
          t = { stage: p.label, index: p.index, before, after: null, extracted: {} };
          ctx.trace.push(t);
        }
        const r = p.stage.process(e, ctx);
        if (r === null) {
          if (t) {
            t.dropped = ctx.dropped ?? `${p.label} dropped the entry`;
            t.extracted = toLogEntry(e).extracted!;
          }
        } else if (Array.isArray(r)) {
          for (const x of r) next.push(x);
          if (t) {
            if (r.length === 0) {
              t.dropped = ctx.dropped ?? `${p.label} held the entry`;
              t.extracted = toLogEntry(e).extracted!;
            } else {
              const outs = r.map(toLogEntry);
              t.after = outs[0];
              t.extracted = outs[0].extracted!;
              for (const o of outs.slice(1)) ctx.trace!.push({ stage: p.label, index: p.index, before: t.before, after: o, extracted: o.extracted! });
            }
          }
        } else {
          next.push(r);
          if (t) {
            t.after = toLogEntry(r);
            t.extracted = t.after.extracted!;
          }
        }
      }
      cur = next;
    }
    return cur;
  }

  flush(ctx: RunCtx): Entry[] {
    const out: Entry[] = [];
    for (let i = 0; i < this.stages.length; i++) {
      const f = this.stages[i].stage.flush;
      if (!f) continue;
      const held = f.call(this.stages[i].stage, ctx);
      if (held.length) for (const e of this.runFrom(i + 1, held, ctx)) out.push(e);
    }
    return out;
  }
}

class Builder {
  constructor(
    readonly registry: Registry,
    readonly now: () => Date,
    readonly source: SourceFile,
    readonly opts: PipelineOptions,
  ) {}

  env(): BuildEnv {
    return {
      registry: this.registry,
      now: this.now,
      nested: (blocks, prefix, spec) => this.build(blocks, prefix, true, spec),
      evalAttr: (e: Expr, goType: string): Value => {
        const r = evaluate(e, this.opts.scope, { target: goType, source: this.source, env: this.opts.env });
        if (r.error) throw new ConfigError(formatEvalError(r.error, this.source), true);
        return r.value!;
      },
    };
  }

  /** Builds the stages `blocks` of a body with spec `body` (loki.process's arguments, or a match stage). */
  build(blocks: Block[], prefix: string, copyLabels: boolean, body: BodySpec): StagePipeline | { error: string; span?: { start: number; end: number } } {
    const placed: Placed[] = [];
    const env = this.env();
    let i = 0;
    for (const b of blocks) {
      const index = prefix ? `${prefix}.${i}` : String(i);
      const full = b.name.join('.');
      const label = prefix ? 'stage.match/'.repeat(prefix.split('.').length) + full : full;
      const span = { start: b.start, end: b.end };
      if (b.name[0] !== 'stage' || b.name.length !== 2) return { error: `unrecognized block name "${full}"`, span };
      const kind = b.name[1];
      if (b.label !== '') return { error: `block "${full}" does not support specifying labels`, span };
      const spec = innerSpec(body, full);
      if (!spec) return { error: `unrecognized block name "${full}"`, span };
      if (UNSUPPORTED[kind]) return { error: `cannot simulate ${full}: ${UNSUPPORTED[kind]}`, span };
      const builder = BUILDERS[kind];
      if (!builder) return { error: `cannot simulate ${full}: the simulation has no ${full} stage`, span };
      try {
        placed.push({ stage: builder(b, env, spec, index), label, index });
      } catch (e) {
        if (e instanceof ConfigError) return { error: e.decode ? e.message : `invalid stage config ${e.message}`, span };
        return { error: `internal error building ${full}: ${(e as Error)?.message ?? e}`, span };
      }
      i++;
    }
    return new StagePipeline(placed, copyLabels);
  }
}

export interface LokiPipeline {
  /** Runs one entry; zero, one or several entries come out. */
  process(entry: LogEntry): { outputs: LogEntry[]; trace: StageTrace[] };
  /** End of input: flushes open multiline blocks through the rest of the pipeline. */
  flush(): LogEntry[];
  /** Like `flush`, with the traces of the flushed entries through the later stages. */
  flushWithTrace(): { outputs: LogEntry[]; trace: StageTrace[] };
  /** Prometheus text exposition of the metrics the stages keep. */
  metricsText(): string;
}

/** Builds a pipeline from `stage.*` blocks; the error text is Alloy's where Alloy has one. */
export function buildLokiPipeline(
  stageBlocks: Block[],
  source: SourceFile,
  opts: PipelineOptions,
): { pipeline: LokiPipeline } | { error: string; span?: { start: number; end: number } } {
  const now = opts.now ?? (() => new Date(0));
  const registry = new Registry();
  const b = new Builder(registry, now, source, opts);
  const args = opts.catalog.component('loki.process')?.args;
  if (!args) return { error: `the catalog of Alloy ${opts.catalog.version} has no loki.process` };
  const root = b.build(stageBlocks, '', opts.copyLabelsToExtracted ?? true, args);
  if (!(root instanceof StagePipeline)) return root;
  const tracing = opts.trace ?? true;
  const pipeline: LokiPipeline = {
    process(entry) {
      const ctx: RunCtx = { now, trace: tracing ? [] : undefined };
      const outs = root.run(fromLogEntry(entry, now), ctx);
      return { outputs: outs.map(toLogEntry), trace: ctx.trace ?? [] };
    },
    flush() {
      return root.flush({ now }).map(toLogEntry);
    },
    flushWithTrace() {
      const ctx: RunCtx = { now, trace: [] };
      const outs = root.flush(ctx);
      return { outputs: outs.map(toLogEntry), trace: ctx.trace! };
    },
    metricsText: () => registry.exposition(),
  };
  return { pipeline };
}
