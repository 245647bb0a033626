// Logs → trace as Loki derived fields link them: the field's regex (RE2) applied to each
// line that reached Loki (or the named label, for matcherType label); the id it captures
// must name a trace that reached the traces sink.

import { GoRegexp } from '@alloy-lint/gostd/regexp';
import type { SinkEntry } from '../report.js';
import type { DerivedField } from './datasources.js';

export interface LineLink {
  line: string;
  labels: Record<string, string>;
  field: string;
  traceId: string;
  ok: boolean;
  problem?: string;
}

const norm = (id: string) => id.toLowerCase().padStart(32, '0');

export function logsToTrace(entries: SinkEntry[], field: DerivedField, traceIds: Set<string>, tracesSink: string): { links: LineLink[]; error?: string } {
  const ids = new Set([...traceIds].map(norm));
  if (field.matcherType === 'label') {
    const links = entries.filter((e) => field.matcherRegex in e.labels).map((e) => link(e, field, e.labels[field.matcherRegex], ids, tracesSink));
    return { links };
  }
  const re = GoRegexp.compile(field.matcherRegex);
  if (!(re instanceof GoRegexp)) return { links: [], error: `derived field ${field.name}: matcherRegex: ${re.error}` };
  const links: LineLink[] = [];
  for (const e of entries) {
    const m = re.findSubmatch(e.line);
    if (!m) continue;
    links.push(link(e, field, m[1] ?? m[0], ids, tracesSink));
  }
  return { links };
}

function link(e: SinkEntry, field: DerivedField, id: string, ids: Set<string>, sink: string): LineLink {
  const ok = ids.has(norm(id));
  return { line: e.line, labels: e.labels, field: field.name, traceId: id, ok, ...(ok ? {} : { problem: `the line names trace ${id}, which did not reach ${sink || 'a traces exporter'}` }) };
}
