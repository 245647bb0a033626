// Expectations on spans, OTel metrics and Prometheus samples in pipeline tests
// (`assert.traces`, `assert.metrics`, `assert.samples`) and on Grafana's trace ↔ logs
// links (`assert.correlate`).

import { correlate, readDataSources, type DataSource } from './correlate/index.js';
import type { ItemView } from './otel/journey.js';
import { readMapMatch, type MapMatch } from './assertions.js';
import type { RunResult } from './report.js';

export type TelemetryKind = 'traces' | 'metrics' | 'samples';

export interface TelemetryAssertion {
  kind: TelemetryKind;
  type: 'count' | 'contains';
  count?: number;
  sink?: string;
  match: { name?: string; trace_id?: string; attributes?: MapMatch; resource?: MapMatch; labels?: MapMatch; value?: string };
}

export interface CorrelateAssertion {
  sources: DataSource[];
  ok: boolean;
  problem_contains?: string;
}

export interface TestReaderLike {
  readFile(path: string): string | undefined;
  parse(text: string, path: string): unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const mapMatch = (v: unknown, where: string, errors: string[]) => readMapMatch(v, where, errors, 'partial');

export function readTelemetryAssertions(assert: Record<string, unknown>, reader: TestReaderLike, errors: string[]): { telemetry: TelemetryAssertion[]; correlate?: CorrelateAssertion } {
  const telemetry: TelemetryAssertion[] = [];
  for (const kind of ['traces', 'metrics', 'samples'] as const) {
    const list = assert[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push(`assert.${kind}: expected a list`);
      continue;
    }
    list.forEach((a, i) => {
      const where = `assert.${kind}[${i}]`;
      if (!isObj(a)) return errors.push(`${where}: expected a mapping`);
      if (a.type !== 'count' && a.type !== 'contains') return errors.push(`${where}: unknown assertion type ${JSON.stringify(a.type)}`);
      if (a.type === 'count' && typeof a.count !== 'number') errors.push(`${where}: count requires count`);
      const m = isObj(a.match) ? a.match : {};
      const match: TelemetryAssertion['match'] = {};
      for (const k of ['name', 'trace_id', 'value'] as const) if (m[k] !== undefined) match[k] = String(m[k]);
      for (const k of ['attributes', 'resource', 'labels'] as const) if (m[k] !== undefined) match[k] = mapMatch(m[k], `${where}.match.${k}`, errors);
      if (a.type === 'contains' && Object.keys(match).length === 0) errors.push(`${where}: contains requires at least one match field`);
      telemetry.push({ kind, type: a.type, ...(a.type === 'count' ? { count: Number(a.count) } : {}), ...(a.sink !== undefined ? { sink: String(a.sink) } : {}), match });
    });
  }
  let corr: CorrelateAssertion | undefined;
  const c = assert.correlate;
  if (c !== undefined) {
    if (!isObj(c)) errors.push('assert.correlate: expected a mapping (grafana, ok, problem_contains)');
    else {
      let data: unknown = c.grafana;
      if (typeof data === 'string') {
        const text = reader.readFile(data);
        if (text === undefined) errors.push(`assert.correlate.grafana: read ${JSON.stringify(data)}: no such file`);
        data = text === undefined ? {} : reader.parse(text, data as string);
      }
      const ds = readDataSources(data);
      if ('errors' in ds) for (const e of ds.errors) errors.push(`assert.correlate.grafana: ${e}`);
      else corr = { sources: ds.sources, ok: c.ok !== false, ...(c.problem_contains !== undefined ? { problem_contains: String(c.problem_contains) } : {}) };
    }
  }
  return { telemetry, ...(corr ? { correlate: corr } : {}) };
}

const s = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function mapOk(m: MapMatch | undefined, actual: Record<string, unknown> | undefined): boolean {
  if (!m) return true;
  const a = actual ?? {};
  const hit = Object.entries(m.values).every(([k, v]) => k in a && s(a[k]) === v);
  return m.mode === 'exact' ? hit && Object.keys(a).length === Object.keys(m.values).length : hit;
}

function views(a: TelemetryAssertion, r: RunResult): ItemView[] {
  const sinks = a.sink ? r.sinks.filter((x) => x.component === a.sink) : r.sinks;
  return sinks.flatMap((x) => (a.kind === 'traces' ? (x.spans ?? []) : a.kind === 'metrics' ? (x.metrics ?? []) : (x.samples ?? [])));
}

function matches(a: TelemetryAssertion, v: ItemView): boolean {
  const m = a.match;
  const f = v.fields ?? {};
  if (m.name !== undefined && v.name !== m.name) return false;
  if (m.trace_id !== undefined && f.traceId !== m.trace_id) return false;
  if (m.value !== undefined && String(f.value) !== m.value) return false;
  if (!mapOk(m.resource, v.resource)) return false;
  if (a.kind === 'metrics' && m.attributes) return ((f.points ?? []) as { attributes: Record<string, unknown> }[]).some((p) => mapOk(m.attributes, p.attributes));
  return mapOk(m.attributes, v.attributes) && mapOk(m.labels, v.attributes);
}

function describe(a: TelemetryAssertion): string {
  const m = a.match;
  const parts = [m.name && `name ${JSON.stringify(m.name)}`, m.trace_id && `trace ${m.trace_id}`, m.value && `value ${m.value}`, ...(['attributes', 'resource', 'labels'] as const).map((k) => m[k] && `${k} ${m[k]!.mode === 'exact' ? '=' : 'include'} ${JSON.stringify(m[k]!.values)}`)].filter(Boolean);
  const what = a.kind === 'traces' ? 'span' : a.kind === 'metrics' ? 'metric' : 'sample';
  const where = a.sink ? ` at ${a.sink}` : '';
  return a.type === 'count' ? `${a.count} ${what}(s)${where}${parts.length ? ` with ${parts.join(', ')}` : ''}` : `a ${what}${where} with ${parts.join(', ')}`;
}

export function checkTelemetry(a: TelemetryAssertion, r: RunResult): { passed: boolean; description: string; message?: string } {
  const description = describe(a);
  if (a.sink && !r.sinks.some((x) => x.component === a.sink)) return { passed: false, description, message: `no sink ${a.sink} (sinks: ${r.sinks.map((x) => x.component).join(', ') || 'none'})` };
  const hits = views(a, r).filter((v) => matches(a, v)).length;
  if (a.type === 'count') return hits === a.count ? { passed: true, description } : { passed: false, description, message: `expected ${a.count}, got ${hits}` };
  return hits > 0 ? { passed: true, description } : { passed: false, description, message: 'none matches' };
}

export function checkCorrelate(a: CorrelateAssertion, r: RunResult): { passed: boolean; description: string; message?: string } {
  const rep = correlate([r], a.sources);
  const problems = [...rep.problems, ...rep.traceToLogs.filter((l) => !l.ok).map((l) => `span ${l.span.name}: ${l.problem}`), ...rep.logsToTrace.filter((l) => !l.ok).map((l) => l.problem ?? '')];
  const description = a.ok ? 'trace ↔ logs links find what the pipeline delivers' : `trace ↔ logs correlation fails${a.problem_contains ? ` with ${JSON.stringify(a.problem_contains)}` : ''}`;
  if (a.ok) return rep.ok ? { passed: true, description } : { passed: false, description, message: problems.join('; ') };
  if (rep.ok) return { passed: false, description, message: 'the correlation check passed' };
  if (a.problem_contains && !problems.some((p) => p.includes(a.problem_contains!))) return { passed: false, description, message: `problems: ${problems.join('; ')}` };
  return { passed: true, description };
}
