// What otelcol simulators share: the `output` block, sink reports, small decoders.

import type { Block } from '@alloy-lint/parser';
import { itemView, type ItemView } from '../../otel/journey.js';
import type { Value } from '@alloy-lint/values';
import type { AnyValue, Batch, Signal } from '../../otel/pdata.js';
import type { ClientInfo } from '../../otel/telemetry.js';
import type { SinkReport } from '../../report.js';
import { bool, SimError, text } from '../../value-js.js';
import type { SimContext } from '../api.js';

export type Refs = ReturnType<SimContext['flow']['otel']['refs']>;
export type Outputs = Record<Signal, Refs>;

export const SIGNALS: Signal[] = ['traces', 'logs', 'metrics'];

/** The `output` block: consumers per signal. */
export function outputs(ctx: SimContext, block: Block | undefined = ctx.blocks('output')[0]): Outputs {
  const out = { traces: [], logs: [], metrics: [] } as Outputs;
  if (!block) return out;
  for (const s of SIGNALS) out[s] = ctx.flow.otel.refs(ctx.attr(s, block.body), `output.${s}`);
  return out;
}

/** A processor: `consume` changes the batch in place (or returns null to stop it), then it goes on. */
export function processor(ctx: SimContext, consume: (b: Batch, info: ClientInfo) => ClientInfo | null | void, signals?: Signal[]) {
  const out = outputs(ctx);
  return ctx.flow.otel.consumer(
    ctx.id,
    (b, info) => {
      const next = consume(b, info);
      if (next === null) return;
      ctx.flow.otel.forward(ctx.id, out[b.signal], b, next ?? info);
    },
    signals,
  );
}

export function optString(ctx: SimContext, name: string, body?: Block['body']): string | undefined {
  const v = ctx.attr(name, body);
  return v === undefined || v.t === 'null' ? undefined : text(v, name);
}

export function optBool(ctx: SimContext, name: string, dflt: boolean, body?: Block['body']): boolean {
  const v = ctx.attr(name, body);
  return v === undefined || v.t === 'null' ? dflt : bool(v, name);
}

/** Collects what reaches an exporter, as item views per signal. */
export class SinkCollector {
  readonly spans: ItemView[] = [];
  readonly logRecords: ItemView[] = [];
  readonly metrics: ItemView[] = [];

  add(b: Batch): void {
    const list = b.signal === 'traces' ? this.spans : b.signal === 'logs' ? this.logRecords : this.metrics;
    for (const r of b.resources) for (const s of r.scopes) for (const it of s.items) list.push(withScope(itemView(it, r.resource), s.scope.name));
  }

  report(component: string, kind: string, extra: Partial<SinkReport> = {}): SinkReport {
    return {
      component,
      kind,
      entries: [],
      ...(this.spans.length ? { spans: this.spans } : {}),
      ...(this.logRecords.length ? { logRecords: this.logRecords } : {}),
      ...(this.metrics.length ? { metrics: this.metrics } : {}),
      ...extra,
    };
  }
}

function withScope(v: ItemView, scope: string): ItemView {
  if (scope && v.fields) v.fields.scope = scope;
  return v;
}

/** The peer address without its port (how the collector's client.Info.Addr reads as an IP). */
export function peerIp(addr: string | undefined): string {
  if (!addr) return '';
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(addr);
  if (v6) return v6[1];
  const i = addr.lastIndexOf(':');
  if (i > 0 && addr.indexOf(':') === i) return addr.slice(0, i);
  return addr;
}

/** An Alloy value as an AnyValue: integers stay ints, other numbers doubles, objects maps. */
export function anyFromValue(v: Value): AnyValue {
  switch (v.t) {
    case 'null':
      return null;
    case 'string':
    case 'bool':
      return v.v;
    case 'number':
      return v.v;
    case 'array':
      return v.v.map(anyFromValue);
    case 'object':
      return new Map([...v.v].map(([k, x]) => [k, anyFromValue(x)]));
    case 'capsule':
      if (v.kind === 'secret' || v.kind === 'optional_secret') return v.v;
      throw new SimError('expected a plain value, got a capsule');
    default:
      throw new SimError(`expected a plain value, got ${(v as Value).t}`);
  }
}
