// Spans, log records, metrics and Prometheus samples as `alloy-lint run` prints them:
// what reached each exporter or remote_write, and with --trace each item's way.

import type { ItemJourney, ItemView } from '../otel/journey.js';
import type { SinkReport } from '../report.js';
import { lineText } from './entry.js';
import type { Style as Colors } from './style.js';
import { mapDiff } from './trace.js';
const q = JSON.stringify;

function attrText(a: Record<string, unknown> | undefined): string {
  const keys = Object.keys(a ?? {}).sort();
  return `{${keys.map((k) => `${k}=${typeof a![k] === 'string' ? q(a![k]) : q(a![k])}`).join(', ')}}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function itemText(v: ItemView, c: Colors): string {
  const f = (v.fields ?? {}) as Record<string, unknown>;
  if (v.kind === 'sample') return `  ${c.cyan(`${v.name}${attrText(v.attributes)}`)} ${f.value} ${c.dim(`@ ${f.timestamp}`)}\n`;
  let head: string;
  if (v.kind === 'span') head = `span ${c.bold(v.name)}  ${c.dim(`trace ${f.traceId} span ${f.spanId} ${String(f.kind ?? '').replace('SPAN_KIND_', '')} ${f.start} → ${f.end}${f.status ? ` ${f.status}` : ''}`)}`;
  else if (v.kind === 'log') head = `log ${c.dim(String(f.time ?? ''))} "${lineText(v.name)}"${f.traceId ? c.dim(` trace ${f.traceId}`) : ''}`;
  else head = `metric ${c.bold(v.name)} ${c.dim(String(f.type))}`;
  let out = `  ${head}\n`;
  if (v.resource) out += `    ${c.dim('resource')}   ${c.cyan(attrText(v.resource))}\n`;
  if (Object.keys(v.attributes).length) out += `    ${c.dim('attributes')} ${attrText(v.attributes)}\n`;
  for (const p of (f.points ?? []) as { attributes: Record<string, unknown>; value?: string; count?: string; sum?: number }[])
    out += `    ${c.dim('point')} ${attrText(p.attributes)} ${p.value ?? `count=${p.count} sum=${p.sum}`}\n`;
  return out;
}

/** The telemetry part of a sink: spans, log records, metrics, samples. */
export function sinkTelemetryText(s: SinkReport, c: Colors): { count: string; body: string } | undefined {
  const groups: [ItemView[] | undefined, string][] = [
    [s.spans, 'span'],
    [s.logRecords, 'log record'],
    [s.metrics, 'metric'],
    [s.samples, 'sample'],
  ];
  const present = groups.filter(([l]) => l && l.length);
  if (!present.length) return s.kind === 'loki.write' || s.kind === 'loki.echo' || s.kind === 'pipelinetest.sink' ? undefined : { count: 'nothing received', body: '' };
  return {
    count: present.map(([l, n]) => plural(l!.length, n)).join(', '),
    body: present.map(([l]) => l!.map((v) => itemText(v, c)).join('')).join(''),
  };
}

function viewDiff(a: ItemView, b: ItemView, c: Colors): string[] {
  const out: string[] = [];
  if (a.name !== b.name) out.push(`name ${q(a.name)} → ${q(b.name)}`);
  const r = mapDiff(a.resource ?? {}, b.resource ?? {});
  if (r.length) out.push(`resource ${c.cyan(r.join(' '))}`);
  const at = mapDiff(a.attributes, b.attributes);
  if (at.length) out.push(`${a.kind === 'sample' ? 'labels' : 'attributes'} ${c.cyan(at.join(' '))}`);
  const f = mapDiff(a.fields ?? {}, b.fields ?? {});
  if (f.length) out.push(f.join(' '));
  return out;
}

function journeyText(j: ItemJourney, n: number, c: Colors): string {
  let out = `  ${c.bold(`${j.kind} ${n}`)} ${q(j.input.name)} from ${j.origin}\n`;
  for (const s of j.steps) {
    out += `    ${c.bold(s.component)}${s.note ? c.dim(`  ${s.note}`) : ''}\n`;
    for (const r of (s.rules ?? []) as { rule: number; action: string; before: Record<string, string>; after: Record<string, string> | null }[]) {
      const d = r.after ? mapDiff(r.before, r.after) : [];
      out += `      rule ${r.rule + 1} ${r.action}  ${r.after ? (d.length ? c.cyan(d.join(' ')) : c.dim('no change')) : c.red('dropped')}\n`;
    }
    if (s.after && !s.rules?.length) {
      const d = viewDiff(s.before, s.after, c);
      if (d.length) out += `      ${d.join('; ')}\n`;
    }
  }
  const o = j.outcome;
  const colour = o.kind === 'delivered' || o.kind === 'converted' ? c.green : c.red;
  out += `    ${colour(`→ ${o.kind} ${o.kind === 'delivered' ? 'by' : 'at'} ${o.component}${o.reason ? `: ${o.reason}` : ''}`)}\n`;
  return out;
}

export function itemJourneysText(journeys: ItemJourney[], c: Colors): string {
  if (!journeys.length) return '';
  const counts = new Map<string, number>();
  for (const j of journeys) counts.set(j.kind, (counts.get(j.kind) ?? 0) + 1);
  const what = [...counts].map(([k, n]) => plural(n, k)).join(', ');
  let out = `${c.bold(`Trace: ${what}, component by component`)}\n`;
  const seen = new Map<string, number>();
  for (const j of journeys) {
    const n = (seen.get(j.kind) ?? 0) + 1;
    seen.set(j.kind, n);
    out += journeyText(j, n, c);
  }
  return out;
}
