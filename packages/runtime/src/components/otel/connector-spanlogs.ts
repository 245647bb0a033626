// otelcol.connector.spanlogs (Grafana's): log records from spans, one logfmt line each, for
// `spans`, `roots` (spans without a parent), `processes` (one per trace id change within a
// scope) and `events`. Keys come from `overrides` (svc, span, dur, status, tid); the listed
// span / process / event attributes follow; `labels` copies keys into the record's
// attributes beside the `logs_instance_tag` (traces = span|root|process|event). As upstream:
// the records carry no time and no trace id, resources and scopes are left empty, and a
// span that logs nothing ends its scope (later spans of that scope are not looked at).

import { marshalLogfmt, type LogfmtValue } from '@alloy-lint/gostd';
import { cloneValue, type Attrs, type Batch, type LogRecord, type ResourceItems, type Span } from '../../otel/pdata.js';
import { SimError, stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, optString, outputs } from './common.js';

const STATUS_TEXT = ['Unset', 'Ok', 'Error'];

export function spanlogs(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  if (out.traces.length || out.metrics.length) ctx.warn('non-log output: this component only sends logs (traces and metrics outputs get nothing)');
  const list = (name: string) => {
    const v = ctx.attr(name);
    return v && v.t !== 'null' ? stringList(v, name) : [];
  };
  const flags = { spans: optBool(ctx, 'spans', false), roots: optBool(ctx, 'roots', false), processes: optBool(ctx, 'processes', false), events: optBool(ctx, 'events', false) };
  const spanAttrs = list('span_attributes');
  const processAttrs = list('process_attributes');
  const eventAttrs = list('event_attributes');
  const labels = new Set(list('labels'));
  const ob = ctx.blocks('overrides')[0];
  const key = (name: string, dflt: string) => (ob && optString(ctx, name, ob.body)) ?? dflt;
  const k = { tag: key('logs_instance_tag', 'traces'), svc: key('service_key', 'svc'), span: key('span_name_key', 'span'), status: key('status_key', 'status'), dur: key('duration_key', 'dur'), tid: key('trace_id_key', 'tid') };

  const copyListed = (to: Attrs, from: Attrs, names: string[]) => {
    for (const n of names) if (from.has(n)) to.set(n, cloneValue(from.get(n)!));
  };
  const record = (kind: string, kv: Attrs): LogRecord => {
    const m = marshalLogfmt([...kv].map(([a, v]) => [a, v as LogfmtValue] as const));
    if ('error' in m) throw new SimError(`unable to marshal keyvals due to error: ${m.error}`);
    const attributes: Attrs = new Map([[k.tag, kind]]);
    for (const [a, v] of kv) if (labels.has(a)) attributes.set(a, cloneValue(v));
    return { timeUnixNano: 0n, observedTimeUnixNano: 0n, severityNumber: 0, severityText: '', body: m.line || null, attributes, traceId: '', spanId: '', flags: 0, eventName: '' };
  };

  const input = ctx.flow.otel.consumer(
    ctx.id,
    (b) => {
      const logs: Batch<LogRecord> = { signal: 'logs', resources: [] };
      try {
        for (const r of b.resources) {
          const rl: ResourceItems<LogRecord> = { resource: { attributes: new Map() }, schemaUrl: '', scopes: [] };
          logs.resources.push(rl);
          const svcV = r.resource.attributes.get('service.name');
          const svc = typeof svcV === 'string' ? svcV : '';
          const processKv = (to: Attrs) => {
            to.set(k.svc, svc);
            copyListed(to, r.resource.attributes, processAttrs);
          };
          for (const s of r.scopes) {
            const recs: LogRecord[] = [];
            rl.scopes.push({ scope: { name: '', version: '', attributes: new Map() }, schemaUrl: '', items: recs });
            let lastTrace = '';
            for (const span of s.items as Span[]) {
              const roots = flags.roots && !span.parentSpanId;
              const processes = flags.processes && lastTrace !== span.traceId;
              if (!flags.spans && !roots && !processes && !flags.events) break;
              if (processes) {
                const p: Attrs = new Map();
                processKv(p);
                p.set(k.tid, span.traceId);
                lastTrace = span.traceId;
                recs.push(record('process', p));
              }
              const kv: Attrs = new Map();
              kv.set(k.span, span.name);
              kv.set(k.dur, `${span.endTimeUnixNano - span.startTimeUnixNano}ns`);
              if (span.status.code !== 0) kv.set(k.status, STATUS_TEXT[span.status.code] ?? String(span.status.code));
              copyListed(kv, span.attributes, spanAttrs);
              processKv(kv);
              kv.set(k.tid, span.traceId);
              if (flags.spans) recs.push(record('span', kv));
              if (roots) recs.push(record('root', kv));
              if (flags.events)
                for (const e of span.events) {
                  const ekv = new Map([...kv].map(([a, v]) => [a, cloneValue(v)]));
                  copyListed(ekv, e.attributes, eventAttrs);
                  recs.push(record('event', ekv));
                }
            }
          }
        }
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
        ctx.warn(e.message);
        ctx.flow.otel.endAll(b, 'dropped', ctx.id, e.message);
        return;
      }
      ctx.flow.otel.endAll(b, 'converted', ctx.id, 'turned into log lines');
      ctx.flow.otel.start(ctx.id, logs);
      ctx.flow.otel.forward(ctx.id, out.logs, logs, {});
    },
    ['traces'],
  );
  return { exports: { input } };
}
