// Trace ↔ logs correlation as Grafana builds the links (createSpanLink, derived fields),
// checked against hand-built run results.
import { describe, expect, it } from 'vitest';
import { correlate, readDataSources, type DataSource, type ItemView, type RunResult, type SinkEntry } from '../src/index.js';

const span: ItemView = {
  kind: 'span',
  name: 'handle-hello',
  resource: { 'service.name': 'hello-api', 'k8s.namespace.name': 'default', 'k8s.container.name': 'hello-api' },
  attributes: { 'custom.attribute': 'hello-world' },
  fields: { traceId: '4228e430a1f94dc866fb862c68189da7', spanId: '9d3c0e5a7b1f2468', start: '2025-05-21T02:48:07.120000000Z', end: '2025-05-21T02:48:07.122500000Z' },
};
const entry = (labels: Record<string, string>, line: string, timestamp = '2025-05-21T02:48:07.121Z'): SinkEntry => ({ labels, line, timestamp, structuredMetadata: {} });
const LINE = 'Response sent: trace_id=4228e430a1f94dc866fb862c68189da7\n';

function runs(entries: SinkEntry[], spans: ItemView[] = [span]): RunResult[] {
  const base = { ok: true, diagnostics: [], sources: new Map(), components: [], targets: [], journeys: [], itemJourneys: [], metrics: [], warnings: [] };
  return [{ ...base, sinks: [{ component: 'loki.write.l', kind: 'loki.write', entries }, { component: 'otelcol.exporter.otlp.t', kind: 'otelcol.exporter.otlp', entries: [], spans }] }];
}

function sources(tempo: Record<string, unknown>, loki: Record<string, unknown> = { derivedFields: [{ name: 'TraceID', matcherRegex: 'trace_id=(\\w+)', datasourceUid: 'tempo' }] }): DataSource[] {
  const r = readDataSources({ datasources: [{ name: 'Loki', type: 'loki', uid: 'loki', jsonData: loki }, { name: 'Tempo', type: 'tempo', uid: 'tempo', jsonData: tempo }] });
  if ('errors' in r) throw new Error(r.errors.join());
  return r.sources;
}

const v2 = (extra: Record<string, unknown>) => ({ tracesToLogsV2: { datasourceUid: 'loki', ...extra } });

describe('trace → logs', () => {
  it('builds the query from mapped tags present on the span (resource first) with the trace id filter', () => {
    const r = correlate(runs([entry({ container: 'hello-api', namespace: 'default' }, LINE)]), sources(v2({ filterByTraceID: true, tags: [{ key: 'k8s.container.name', value: 'container' }, { key: 'k8s.namespace.name', value: 'namespace' }, { key: 'k8s.pod.name', value: 'pod' }] })));
    expect(r.traceToLogs[0]).toMatchObject({ ok: true, matched: 1, query: '{namespace="default", container="hello-api"} |="4228e430a1f94dc866fb862c68189da7"' });
    expect(r.traceToLogs[0].notes).toEqual(['the span has no `k8s.pod.name`, so the query leaves pod out']);
    expect(r.ok).toBe(true);
  });

  it("uses Grafana's default keys (service.name → service_name) when no tags are set; none present means no link", () => {
    const r = correlate(runs([entry({ service_name: 'hello-api' }, LINE)]), sources(v2({})));
    expect(r.traceToLogs[0].query).toBe('{service_name="hello-api"}');
    const none = correlate(runs([]), sources(v2({ tags: [{ key: 'k8s.pod.name' }] })));
    expect(none.traceToLogs[0].problem).toMatch(/^Grafana shows no logs link: the span has none of the mapped tags \(k8s\.pod\.name\)/);
  });

  it('explains a missing label, a wrong value, a missing trace id and a time range miss', () => {
    const ds = sources(v2({ filterByTraceID: true, tags: [{ key: 'k8s.container.name', value: 'container' }] }));
    expect(correlate(runs([entry({ pod: 'x' }, LINE)]), ds).traceToLogs[0].problem).toBe(
      "logs reach Loki without a `container` label (Grafana maps the span's `k8s.container.name` to it): add a relabel rule for `__meta_kubernetes_pod_container_name` with target_label = \"container\"",
    );
    expect(correlate(runs([entry({ container: 'other' }, LINE)]), ds).traceToLogs[0].problem).toContain('no log stream has container="hello-api"');
    expect(correlate(runs([entry({ container: 'hello-api' }, 'no id here')]), ds).traceToLogs[0].problem).toContain('none contains the trace id 4228e430a1f94dc866fb862c68189da7');
    const late = correlate(runs([entry({ container: 'hello-api' }, LINE, '2025-05-21T02:48:08Z')]), ds).traceToLogs[0];
    expect(late.range).toEqual({ from: '2025-05-21T02:48:07.120Z', to: '2025-05-21T02:48:07.122Z' });
    expect(late.problem).toContain('outside the span\'s time range');
    const shifted = correlate(runs([entry({ container: 'hello-api' }, LINE, '2025-05-21T02:48:08Z')]), sources(v2({ filterByTraceID: true, spanEndTimeShift: '1m', tags: [{ key: 'k8s.container.name', value: 'container' }] })));
    expect(shifted.ok).toBe(true);
  });

  it('an unmapped dotted tag gives a query Loki rejects', () => {
    const r = correlate(runs([]), sources(v2({ tags: [{ key: 'k8s.container.name' }] })));
    expect(r.traceToLogs[0].problem).toContain('`k8s.container.name` is not a valid label name');
  });

  it('migrates the older tracesToLogs (mappedTags when mapTagNamesEnabled)', () => {
    const ds = sources({ tracesToLogs: { datasourceUid: 'loki', mapTagNamesEnabled: true, mappedTags: [{ key: 'k8s.container.name', value: 'container' }] } });
    expect(correlate(runs([entry({ container: 'hello-api' }, 'x')]), ds).traceToLogs[0]).toMatchObject({ ok: true, query: '{container="hello-api"}' });
  });

  it('custom queries are interpolated; a variable the span lacks hides the link', () => {
    const ok = correlate(runs([entry({ job: 'hello-api' }, LINE)]), sources(v2({ customQuery: true, query: '{job="${__span.tags["service.name"]}"} |= "${__span.traceId}"' })));
    expect(ok.traceToLogs[0].query).toBe('{job="hello-api"} |= "4228e430a1f94dc866fb862c68189da7"');
    expect(ok.ok).toBe(true);
    const missing = correlate(runs([]), sources(v2({ customQuery: true, query: '{pod="${__span.tags.pod}"}' })));
    expect(missing.traceToLogs[0].problem).toContain('${__span.tags.pod}');
  });
});

describe('logs → trace', () => {
  it('checks each id a derived field finds against the exported traces', () => {
    const r = correlate(runs([entry({ container: 'hello-api' }, LINE), entry({ container: 'x' }, 'trace_id=ffffffffffffffffffffffffffffffff'), entry({}, 'nothing')]), sources(v2({ tags: [{ key: 'k8s.container.name', value: 'container' }] })));
    expect(r.logsToTrace.map((l) => [l.traceId, l.ok])).toEqual([
      ['4228e430a1f94dc866fb862c68189da7', true],
      ['ffffffffffffffffffffffffffffffff', false],
    ]);
    expect(r.logsToTrace[1].problem).toBe('the line names trace ffffffffffffffffffffffffffffffff, which did not reach otelcol.exporter.otlp.t');
    expect(r.unlinkedLines).toBe(1);
    expect(r.ok).toBe(false);
  });

  it('reports data sources that point nowhere', () => {
    const r = correlate(runs([]), sources({ tracesToLogsV2: { datasourceUid: 'nope' } }, { derivedFields: [{ name: 'T', matcherRegex: 'x', datasourceUid: 'gone' }] }));
    expect(r.problems).toEqual([
      'Tempo data source Tempo: tracesToLogs points at datasourceUid "nope", which is not in the file',
      'Loki data source Loki: derived field T points at datasourceUid "gone", which is not in the file',
    ]);
  });
});
