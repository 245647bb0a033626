// Checks trace ↔ log navigation in Grafana on the output of runs: each span that reached
// a traces exporter against the entries that reached Loki (trace → logs), and each log
// line a derived field matches against the traces that were exported (logs → trace).

import type { RunResult } from '../report.js';
import type { DataSource } from './datasources.js';
import { logsToTrace, type LineLink } from './logs-to-trace.js';
import { traceToLogs, type SpanLink } from './trace-to-logs.js';

export { readDataSources, intervalMs, type DataSource, type DerivedField, type TracesToLogs, type Tag } from './datasources.js';
export type { SpanLink } from './trace-to-logs.js';
export type { LineLink } from './logs-to-trace.js';

export interface CorrelationReport {
  ok: boolean;
  /** Problems with the data sources themselves (missing links, unknown uids). */
  problems: string[];
  traceToLogs: (SpanLink & { tempo: string })[];
  logsToTrace: (LineLink & { loki: string })[];
  /** Log lines no derived field matched. */
  unlinkedLines: number;
}

const TRACE_SINKS = /^otelcol\.exporter\.(?!debug$|loki$|prometheus$)/;

export function correlate(runs: RunResult[], sources: DataSource[]): CorrelationReport {
  const spans = runs.flatMap((r) => r.sinks.filter((s) => TRACE_SINKS.test(s.kind) && s.spans?.length).flatMap((s) => s.spans!.map((span) => ({ sink: s.component, span }))));
  const entries = runs.flatMap((r) => r.sinks.filter((s) => s.kind === 'loki.write').flatMap((s) => s.entries));
  const report: CorrelationReport = { ok: true, problems: [], traceToLogs: [], logsToTrace: [], unlinkedLines: 0 };
  const byUid = new Map(sources.map((d) => [d.uid, d]));
  const tempos = sources.filter((d) => d.type === 'tempo');
  const lokis = sources.filter((d) => d.type === 'loki');
  if (!tempos.length) report.problems.push('no Tempo data source (type: tempo) in the provisioning file');
  if (!lokis.length) report.problems.push('no Loki data source (type: loki) in the provisioning file');
  for (const t of tempos) {
    const tl = t.tracesToLogs;
    if (!tl) {
      report.problems.push(`Tempo data source ${t.name}: no tracesToLogsV2 settings, so Grafana shows no logs link on spans`);
      continue;
    }
    const target = byUid.get(tl.datasourceUid);
    if (!target) report.problems.push(`Tempo data source ${t.name}: tracesToLogs points at datasourceUid ${JSON.stringify(tl.datasourceUid)}, which is not in the file`);
    else if (target.type !== 'loki') report.problems.push(`Tempo data source ${t.name}: tracesToLogs points at ${target.name}, a ${target.type} data source (only Loki queries are checked)`);
    if (!spans.length) report.problems.push('no span reached a traces exporter (otelcol.exporter.otlp / otlphttp)');
    for (const l of traceToLogs(spans, entries, tl)) report.traceToLogs.push({ ...l, tempo: t.name });
  }
  const traceIds = new Set(spans.map((s) => String(s.span.fields?.traceId ?? '')));
  const linked = new Set<string>();
  for (const l of lokis) {
    if (!l.derivedFields.length) report.problems.push(`Loki data source ${l.name}: no derived fields, so Grafana shows no trace link on log lines`);
    for (const f of l.derivedFields) {
      if (!f.datasourceUid) continue;
      const target = byUid.get(f.datasourceUid);
      if (!target) {
        report.problems.push(`Loki data source ${l.name}: derived field ${f.name} points at datasourceUid ${JSON.stringify(f.datasourceUid)}, which is not in the file`);
        continue;
      }
      if (target.type !== 'tempo') continue;
      const r = logsToTrace(entries, f, traceIds, spans[0]?.sink ?? '');
      if (r.error) report.problems.push(`Loki data source ${l.name}: ${r.error}`);
      for (const x of r.links) {
        report.logsToTrace.push({ ...x, loki: l.name });
        linked.add(`${x.line}\u0000${JSON.stringify(x.labels)}`);
      }
    }
  }
  report.unlinkedLines = entries.filter((e) => !linked.has(`${e.line}\u0000${JSON.stringify(e.labels)}`)).length;
  report.ok = report.problems.length === 0 && report.traceToLogs.every((l) => l.ok) && report.logsToTrace.every((l) => l.ok);
  return report;
}
