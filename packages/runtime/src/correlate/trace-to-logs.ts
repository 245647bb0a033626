// Trace → logs as Grafana's Tempo data source builds the link (createSpanLink: tags of
// the resource then the span, mapped to label names; `|="<trace id>"` when filterByTraceID;
// the span's time range shifted by spanStartTimeShift/EndTimeShift), evaluated on the
// entries that reached Loki, with the reason a person can act on when nothing matches.

import { parseSelector, selectorMatches } from '../loki/logql.js';
import type { ItemView } from '../otel/journey.js';
import type { SinkEntry } from '../report.js';
import { parseInstant } from '../time.js';
import { intervalMs, type Tag, type TracesToLogs } from './datasources.js';

export interface SpanLink {
  span: { name: string; traceId: string; spanId: string; service: string; sink: string };
  /** The LogQL Grafana would run; absent when Grafana shows no logs link. */
  query?: string;
  range?: { from: string; to: string };
  matched: number;
  ok: boolean;
  /** Why the logs cannot be found, in words a person can act on. */
  problem?: string;
  notes: string[];
}

/** Grafana's keys when the data source lists no tags (first dot → underscore in the label name). */
export const DEFAULT_TAGS: Tag[] = ['cluster', 'hostname', 'namespace', 'pod', 'service.name', 'service.namespace'].map((k) => ({ key: k, ...(k.includes('.') ? { value: k.replace('.', '_') } : {}) }));

/** Where a Loki label usually comes from in a Kubernetes logs pipeline. */
const LABEL_SOURCES: Record<string, string> = {
  container: '__meta_kubernetes_pod_container_name',
  pod: '__meta_kubernetes_pod_name',
  namespace: '__meta_kubernetes_namespace',
  node: '__meta_kubernetes_pod_node_name',
  node_name: '__meta_kubernetes_pod_node_name',
  hostname: '__meta_kubernetes_pod_node_name',
  app: '__meta_kubernetes_pod_label_app',
  service_name: '__meta_kubernetes_pod_label_app_kubernetes_io_name',
};

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function spanTags(s: ItemView): { key: string; value: string }[] {
  const f = s.fields ?? {};
  const start = parseInstant(String(f.start)) ?? 0n;
  const end = parseInstant(String(f.end)) ?? 0n;
  return [
    ...Object.entries(s.resource ?? {}).map(([key, v]) => ({ key, value: text(v) })),
    ...Object.entries(s.attributes).map(([key, v]) => ({ key, value: text(v) })),
    { key: 'spanId', value: String(f.spanId ?? '') },
    { key: 'traceId', value: String(f.traceId ?? '') },
    { key: 'name', value: s.name },
    { key: 'duration', value: String(Number(end - start) / 1e6) },
  ];
}

function interpolate(q: string, s: ItemView, tags: string): { query: string; missing: string[] } {
  const f = s.fields ?? {};
  const all: Record<string, unknown> = { ...(s.resource ?? {}), ...s.attributes };
  const missing: string[] = [];
  const vars: Record<string, string | undefined> = { '__span.traceId': String(f.traceId ?? ''), '__span.spanId': String(f.spanId ?? ''), '__span.name': s.name, '__trace.traceId': String(f.traceId ?? ''), __tags: tags };
  const query = q.replace(/\$\{([^}]+)\}|\$(__tags)\b/g, (m, name: string | undefined, bare: string | undefined) => {
    const n = (name ?? bare)!.trim();
    const tag = /^__span\.tags(?:\[["']([^"']+)["']\]|\.(.+))$/.exec(n);
    const v = tag ? (all[tag[1] ?? tag[2]] !== undefined ? text(all[tag[1] ?? tag[2]]) : undefined) : vars[n];
    if (v === undefined || v === '') missing.push(`\${${n}}`);
    return v ?? m;
  });
  return { query, missing };
}

function labelHint(name: string): string {
  const src = LABEL_SOURCES[name];
  return src ? `add a relabel rule for \`${src}\` with target_label = "${name}"` : `add a \`${name}\` label to the log streams`;
}

/** Why `sel`'s matchers find no stream, from the streams that reached Loki. */
function diagnose(matchers: { name: string; value: string }[], entries: SinkEntry[], mappedFrom: Map<string, string>): string {
  for (const m of matchers) {
    const withLabel = entries.filter((e) => m.name in e.labels);
    const from = mappedFrom.get(m.name);
    const why = from ? ` (Grafana maps the span's \`${from}\` to it)` : '';
    if (!withLabel.length) return `logs reach Loki without a \`${m.name}\` label${why}: ${labelHint(m.name)}`;
    if (!withLabel.some((e) => e.labels[m.name] === m.value)) {
      const seen = [...new Set(withLabel.map((e) => e.labels[m.name]))].slice(0, 5).map((v) => JSON.stringify(v));
      return `no log stream has ${m.name}=${JSON.stringify(m.value)}${why}; Loki has ${m.name} = ${seen.join(', ')}`;
    }
  }
  return `no single log stream has all of ${matchers.map((m) => `${m.name}=${JSON.stringify(m.value)}`).join(', ')}`;
}

export function traceToLogs(spans: { sink: string; span: ItemView }[], entries: SinkEntry[], opts: TracesToLogs): SpanLink[] {
  const startShift = intervalMs(opts.spanStartTimeShift);
  const endShift = intervalMs(opts.spanEndTimeShift);
  const tagsToUse = opts.tags ?? DEFAULT_TAGS;
  return spans.map(({ sink, span }) => {
    const f = span.fields ?? {};
    const traceId = String(f.traceId ?? '');
    const service = text((span.resource ?? {})['service.name'] ?? '');
    const link: SpanLink = { span: { name: span.name, traceId, spanId: String(f.spanId ?? ''), service, sink }, matched: 0, ok: false, notes: [] };
    if (typeof startShift !== 'number' || typeof endShift !== 'number') {
      link.problem = `spanStartTimeShift/spanEndTimeShift: ${(typeof startShift !== 'number' ? startShift : endShift as { error: string }).error}`;
      return link;
    }
    const tags = spanTags(span);
    const parts: string[] = [];
    const mappedFrom = new Map<string, string>();
    for (const t of tags) {
      const kv = tagsToUse.find((x) => x.key === t.key);
      if (!kv) continue;
      const label = kv.value || kv.key;
      mappedFrom.set(label, t.key);
      parts.push(`${label}="${t.value}"`);
    }
    for (const kv of tagsToUse) if (kv.key && !tags.some((t) => t.key === kv.key)) link.notes.push(`the span has no \`${kv.key}\`, so the query leaves ${kv.value || kv.key} out`);
    const tagText = parts.join(', ');
    let query: string;
    if (opts.customQuery !== undefined) {
      const r = interpolate(opts.customQuery, span, tagText);
      if (r.missing.length) {
        link.problem = `Grafana shows no logs link: the custom query uses ${r.missing.join(', ')}, which this span does not have`;
        return link;
      }
      query = r.query;
    } else {
      if (!tagText) {
        link.problem = `Grafana shows no logs link: the span has none of the mapped tags (${tagsToUse.map((t) => t.key).join(', ')}); map an attribute the span carries`;
        return link;
      }
      query = `{${tagText}}${opts.filterByTraceID && traceId ? ` |="${traceId}"` : ''}${opts.filterBySpanID && f.spanId ? ` |="${f.spanId}"` : ''}`;
      const bad = [...mappedFrom.keys()].find((l) => !LABEL_NAME.test(l));
      if (bad) {
        link.query = query;
        link.problem = `Loki rejects the query Grafana builds: \`${bad}\` is not a valid label name; map \`${mappedFrom.get(bad)}\` to a label name (tags: - key: ${mappedFrom.get(bad)} value: ${bad.replace(/[^a-zA-Z0-9_]/g, '_')})`;
        return link;
      }
    }
    link.query = query;
    const startUs = (parseInstant(String(f.start)) ?? 0n) / 1000n;
    const endUs = (parseInstant(String(f.end)) ?? 0n) / 1000n;
    const from = Math.floor(Number(startUs) / 1000 + startShift);
    let to = Math.floor(Number(endUs) / 1000 + endShift);
    if (to === from) to++;
    link.range = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    let sel;
    try {
      sel = parseSelector(query);
    } catch (e) {
      if (opts.customQuery !== undefined) {
        link.notes.push(`custom query not evaluated (only a stream selector with line filters is): ${(e as Error).message}`);
        link.ok = true;
        return link;
      }
      link.problem = `Loki rejects the query Grafana builds: ${(e as Error).message}`;
      return link;
    }
    const inRange = (e: SinkEntry) => {
      const ms = Number((parseInstant(e.timestamp) ?? 0n) / 1_000_000n);
      return ms >= from && ms < to;
    };
    const hits = entries.filter((e) => selectorMatches(sel, new Map(Object.entries(e.labels)), e.line));
    link.matched = hits.filter(inRange).length;
    link.ok = link.matched > 0;
    if (link.ok) return link;
    const streams = entries.filter((e) => selectorMatches({ matchers: sel.matchers, filters: [] }, new Map(Object.entries(e.labels)), e.line));
    if (!entries.length) link.problem = 'no log entry reached Loki (no loki.write received anything)';
    else if (!streams.length) link.problem = diagnose(sel.matchers, entries, mappedFrom);
    else if (!hits.length) link.problem = opts.filterByTraceID ? `${streams.length} line(s) of the stream ${sel.matchers.map((m) => `${m.name}="${m.value}"`).join(', ')} reached Loki, but none contains the trace id ${traceId} (filterByTraceID)` : 'the line filters of the query match no line';
    else link.problem = `${hits.length} matching line(s) lie outside the span's time range [${link.range.from}, ${link.range.to}): widen it with spanStartTimeShift / spanEndTimeShift (for example "-1m" and "1m")`;
    return link;
  });
}
