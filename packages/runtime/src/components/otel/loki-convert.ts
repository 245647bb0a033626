// OTel log records to Loki entries as otelcol.exporter.loki does (the contrib Loki
// translator: hint attributes, job/instance from the service, `exporter="OTLP"`,
// json/logfmt/raw lines), and Loki entries to log records as otelcol.receiver.loki does.

import { decodeLogfmt, goValueOf, jsonMarshal, jsonQuote, marshalLogfmt, utf8Bytes, type LogfmtValue } from '@alloy-lint/gostd';
import { formatInstant, parseInstant } from '../../time.js';
import type { LogEntry } from '../../engines.js';
import { asString, toPlain, type AnyValue, type Attrs, type LogRecord, type Resource, type Scope } from '../../otel/pdata.js';
import type { Labels } from '../../samples.js';
import { jobInstance } from './prom-convert.js';

const HINT_ATTRS = 'loki.attribute.labels';
const HINT_RES = 'loki.resource.labels';
const HINT_TENANT = 'loki.tenant';
const HINT_FORMAT = 'loki.format';
const LEVELS = ['UNSPECIFIED', 'TRACE', 'TRACE2', 'TRACE3', 'TRACE4', 'DEBUG', 'DEBUG2', 'DEBUG3', 'DEBUG4', 'INFO', 'INFO2', 'INFO3', 'INFO4', 'WARN', 'WARN2', 'WARN3', 'WARN4', 'ERROR', 'ERROR2', 'ERROR3', 'ERROR4', 'FATAL', 'FATAL2', 'FATAL3', 'FATAL4'];

/** Prometheus' NormalizeLabel: invalid characters become `_`, a leading digit or single `_` gets `key`. */
export function normalizeLabel(l: string): string {
  if (!l) return l;
  let s = l.replace(/[^a-zA-Z0-9_]/g, '_');
  if (/^[0-9]/.test(s)) s = `key_${s}`;
  else if (s.startsWith('_') && !s.startsWith('__')) s = `key${s}`;
  return s;
}

function names(v: AnyValue): string[] {
  if (typeof v === 'string') return v.split(',');
  if (Array.isArray(v)) return v.map((x) => asString(x));
  return [asString(v)];
}

function nested(attrs: Attrs, name: string): AnyValue | undefined {
  const i = name.indexOf('.');
  const left = i < 0 ? name : name.slice(0, i);
  const v = attrs.get(left);
  if (v === undefined) return undefined;
  if (i < 0) return v;
  return v instanceof Map ? nested(v, name.slice(i + 1)) : undefined;
}

function select(attrs: Attrs, hint: AnyValue, out: Record<string, string>): void {
  for (const raw of names(hint)) {
    const n = raw.trim();
    const v = attrs.get(n) ?? nested(attrs, n);
    if (v !== undefined) out[n] = asString(v);
  }
}

/** encoding/json of a plain value (maps with sorted keys, HTML-safe strings). */
const goJson = (v: unknown) => jsonMarshal(goValueOf(v));

/** Marshals the translator's lokiEntry struct: fields in declaration order, each omitted when empty. */
function entryJson(fields: [string, unknown][]): string {
  return `{${fields.map(([k, v]) => `${jsonQuote(k)}:${goJson(v)}`).join(',')}}`;
}

type Keyval = [key: string, value: LogfmtValue, fromBody?: boolean];

/** The translator's valueToKeyvals: scalars as they are, maps and slices flattened with `_` and indexes. */
function valueToKeyvals(key: string, v: AnyValue, out: Keyval[]): void {
  if (v === null) return;
  if (v instanceof Map) {
    const prefix = key ? `${key}_` : '';
    for (const [k, x] of v) valueToKeyvals(prefix + k, x, out);
  } else if (Array.isArray(v)) {
    const prefix = key ? `${key}_` : '';
    v.forEach((x, i) => valueToKeyvals(`${prefix}${i}`, x, out));
  } else out.push([key, v as LogfmtValue]);
}

/** The translator's bodyToKeyvals: a string body is read as logfmt (its first line), falling back to msg. */
function bodyToKeyvals(body: AnyValue): Keyval[] {
  const out: Keyval[] = [];
  if (body === null) return out;
  if (typeof body === 'string') {
    const err = decodeLogfmt(body.split('\n')[0], (k, v) => out.push([k, utf8Bytes(v), true]));
    return err ? [['msg', body]] : out;
  }
  if (body instanceof Map) valueToKeyvals('', body, out);
  else if (Array.isArray(body)) valueToKeyvals('body', body, out);
  else out.push(['msg', body as LogfmtValue]);
  return out;
}

/** The translator's EncodeLogfmt. Keys read from a logfmt body are []byte upstream: never equal to the string keys replaced here. */
function encodeLogfmt(l: LogRecord, res: Attrs, scope: Scope): { line: string } | { error: string } {
  const kv = bodyToKeyvals(l.body);
  const put = (k: string, v: LogfmtValue) => {
    const i = kv.findIndex((x) => x[0] === k && !x[2]);
    if (i >= 0) kv[i][1] = v;
    else kv.push([k, v]);
  };
  if (l.traceId) put('traceID', l.traceId);
  if (l.spanId) put('spanID', l.spanId);
  if (l.severityText) put('severity', l.severityText);
  if (l.flags) put('flags', BigInt(l.flags));
  for (const [k, v] of l.attributes) valueToKeyvals(`attribute_${k}`, v, kv);
  for (const [k, v] of res) valueToKeyvals(`resource_${k}`, v, kv);
  if (scope.name) {
    kv.push(['instrumentation_scope_name', scope.name]);
    if (scope.version) kv.push(['instrumentation_scope_version', scope.version]);
  }
  return marshalLogfmt(kv.map(([k, v]) => [k, v] as const));
}

/** One log record as the Loki entry otelcol.exporter.loki forwards; `now` stamps records without a time. */
export function logToLoki(rec: LogRecord, resource: Resource, scope: Scope, now: Date): { entry: LogEntry } | { error: string } {
  const attrs = new Map(rec.attributes);
  const res = new Map(resource.attributes);
  if (rec.severityNumber !== 0) {
    const hint = attrs.get(HINT_ATTRS);
    if (Array.isArray(hint)) attrs.set(HINT_ATTRS, [...hint, 'level']);
    else if (typeof hint === 'string') attrs.set(HINT_ATTRS, `${hint},level`);
    else attrs.set(HINT_ATTRS, 'level');
    if (!attrs.has('level')) attrs.set('level', LEVELS[rec.severityNumber] ?? 'UNSPECIFIED');
  }
  const format = asString(res.get(HINT_FORMAT) ?? attrs.get(HINT_FORMAT) ?? 'json');
  const labels: Record<string, string> = { exporter: 'OTLP', ...jobInstance(res) };
  if (res.has(HINT_RES)) select(res, res.get(HINT_RES)!, labels);
  if (attrs.has(HINT_RES)) select(res, attrs.get(HINT_RES)!, labels);
  if (attrs.has(HINT_ATTRS)) select(attrs, attrs.get(HINT_ATTRS)!, labels);
  if (res.has(HINT_TENANT)) select(res, res.get(HINT_TENANT)!, labels);
  else if (attrs.has(HINT_TENANT)) select(attrs, attrs.get(HINT_TENANT)!, labels);
  for (const m of [attrs, res]) for (const k of [...m.keys()]) if (k === HINT_ATTRS || k === HINT_RES || k === HINT_TENANT || k === HINT_FORMAT || k in labels) m.delete(k);
  let line: string;
  if (format === 'json') {
    const f: [string, unknown][] = [];
    if (rec.body !== null) f.push(['body', toPlain(rec.body)]);
    if (rec.traceId) f.push(['traceid', rec.traceId]);
    if (rec.spanId) f.push(['spanid', rec.spanId]);
    if (rec.severityText) f.push(['severity', rec.severityText]);
    if (rec.flags) f.push(['flags', rec.flags]);
    if (attrs.size) f.push(['attributes', toPlain(attrs)]);
    if (res.size) f.push(['resources', toPlain(res)]);
    if (scope.name) f.push(['instrumentation_scope', scope.version ? new Map([['name', scope.name], ['version', scope.version]]) : new Map([['name', scope.name]])]);
    line = entryJson(f);
  } else if (format === 'logfmt') {
    const r = encodeLogfmt({ ...rec, attributes: attrs }, res, scope);
    if ('error' in r) return { error: `logfmt: ${r.error}` };
    line = r.line;
  }
  else if (format === 'raw') line = asString(rec.body);
  else return { error: `invalid format ${format}. Expected one of: json, logfmt, raw` };
  const ns = rec.timeUnixNano || rec.observedTimeUnixNano || BigInt(now.getTime()) * 1_000_000n;
  const out: Labels = {};
  for (const [k, v] of Object.entries(labels)) out[normalizeLabel(k)] = v;
  return { entry: { line, timestamp: formatInstant(ns), labels: out, structuredMetadata: [] } };
}

/** A Loki entry as the log record otelcol.receiver.loki makes of it. */
export function lokiToLog(e: LogEntry, now: Date): LogRecord {
  const attributes: Attrs = new Map();
  const filename = e.labels.filename;
  if (filename !== undefined) {
    attributes.set('log.file.path', filename);
    attributes.set('log.file.name', filename.split('/').pop() ?? filename);
  }
  const keys = Object.keys(e.labels).sort();
  if (keys.length) attributes.set(HINT_ATTRS, keys.join(','));
  for (const k of keys) attributes.set(k, e.labels[k]);
  for (const p of e.structuredMetadata) attributes.set(p.name, p.value);
  return {
    timeUnixNano: parseInstant(e.timestamp) ?? 0n,
    observedTimeUnixNano: BigInt(now.getTime()) * 1_000_000n,
    severityNumber: 0,
    severityText: '',
    body: e.line,
    attributes,
    traceId: '',
    spanId: '',
    flags: 0,
    eventName: '',
  };
}
