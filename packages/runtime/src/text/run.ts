// `alloy-lint run` as text: component status, discovered targets, and for each sink the
// entries that reach it.

import type { RunResult, SinkEntry } from '../report.js';
import { labelText, lineText } from './entry.js';
import { PLAIN, type Style as Colors } from './style.js';
import { itemJourneysText, sinkTelemetryText } from './telemetry.js';
import { traceText } from './trace.js';

function entryText(e: SinkEntry, c: Colors): string {
  const sm = Object.keys(e.structuredMetadata).length ? `  ${c.dim('metadata')} ${labelText(e.structuredMetadata, true)}` : '';
  const tenant = e.tenant ? `  ${c.dim('tenant')} ${e.tenant}` : '';
  return `  ${c.dim(e.timestamp)} ${c.cyan(labelText(e.labels, true))}${sm}${tenant}\n    ${lineText(e.line)}\n`;
}

/** What `alloy-lint run` prints; `style` colours it (default: none). */
export function runText(r: RunResult, opts: { style?: Colors; trace: boolean }): string {
  const c = opts.style ?? PLAIN;
  let out = `${c.bold('Components')}\n`;
  const width = r.components.reduce((w, x) => Math.max(w, x.id.length), 0);
  for (const x of r.components) {
    const mark = x.status === 'simulated' ? c.green('✓') : x.status === 'not simulated' ? c.yellow('•') : c.red('✗');
    const msg = x.message ? `: ${x.message}` : '';
    out += `  ${mark} ${x.id.padEnd(width)}  ${x.status === 'simulated' ? c.dim(x.status + msg) : x.status + msg}\n`;
  }
  for (const t of r.targets) {
    out += `\n${c.bold(`Targets of ${t.component}`)} (${t.targets.length})\n`;
    for (const l of t.targets) out += `  ${labelText(l)}\n`;
  }
  for (const s of r.sinks) {
    const where = s.endpoints?.length ? ` → ${s.endpoints.map((e) => e.url + (e.tenant ? ` (tenant ${e.tenant})` : '') + (e.auth ? ` [${e.auth}]` : '')).join(', ')}` : '';
    const tel = sinkTelemetryText(s, c);
    const n = tel ? tel.count : `${s.entries.length} ${s.entries.length === 1 ? 'entry' : 'entries'}`;
    out += `\n${c.bold(s.component)}${where} (${n}${s.forwardsTo ? `, pushed on to ${s.forwardsTo}` : ''})\n`;
    if (tel) out += tel.body;
    else for (const e of s.entries) out += entryText(e, c);
  }
  if (r.sinks.length === 0) {
    const failed = r.components.filter((x) => x.status === 'failed' || x.status === 'skipped');
    out += failed.length
      ? `\n${c.red(`No sink ran: ${failed.map((x) => x.id).join(', ')} did not run (see above).`)}\n`
      : `\n${c.yellow('No sink in this configuration (loki.write, loki.echo, otelcol.exporter.*, prometheus.remote_write).')}\n`;
  }
  for (const m of r.metrics) out += `\n${c.bold(`Metrics of ${m.component}`)}\n${m.text.replace(/^/gm, '  ').trimEnd()}\n`;
  if (r.warnings.length) out += `\n${c.bold(c.yellow('Warnings'))}\n${r.warnings.map((w) => `  ${w}\n`).join('')}`;
  if (opts.trace) {
    if (r.journeys.length || r.targets.some((t) => t.traces) || !r.itemJourneys.length) out += '\n' + traceText(r, c);
    if (r.itemJourneys.length) out += '\n' + itemJourneysText(r.itemJourneys, c);
  }
  return out;
}
