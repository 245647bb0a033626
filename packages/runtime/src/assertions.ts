// Checking what reached the sinks against declarative expectations (upstream pipelinetest
// `count`/`contains` semantics, plus line_contains / line_regex and a `sink` selector).

import { GoRegexp } from '@alloy-lint/gostd/regexp';
import type { SinkEntry } from './report.js';
import { stringMap } from './samples.js';
import { formatInstant, parseInstant } from './time.js';

export interface MapMatch {
  mode?: 'exact' | 'partial';
  values: Record<string, string>;
}

export interface EntryMatch {
  line?: string;
  line_contains?: string;
  line_regex?: string;
  timestamp?: string;
  labels?: MapMatch;
  structured_metadata?: MapMatch;
}

export interface Assertion {
  type: 'count' | 'contains';
  count?: number;
  /** Component whose entries are checked; default: every entry that left the pipeline. */
  sink?: string;
  match: EntryMatch;
}

export interface AssertionResult {
  assertion: Assertion;
  passed: boolean;
  /** What was asked, readable. */
  description: string;
  message?: string;
}

const q = JSON.stringify;

function mapText(m: Record<string, string>): string {
  return `{${Object.keys(m)
    .sort()
    .map((k) => `${k}=${q(m[k])}`)
    .join(', ')}}`;
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && b[k] === a[k]);
}

function contains(actual: Record<string, string>, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => Object.prototype.hasOwnProperty.call(actual, k) && actual[k] === v);
}

type Matcher = { text: string; test: (e: SinkEntry) => boolean };

/** Matchers for the fields given (empty fields are ignored, as upstream does). */
export function matchers(m: EntryMatch): Matcher[] | string {
  const out: Matcher[] = [];
  if (m.labels && Object.keys(m.labels.values).length) {
    const { values, mode } = m.labels;
    out.push({ text: `labels ${mode === 'partial' ? 'include' : '='} ${mapText(values)}`, test: (e) => (mode === 'partial' ? contains(e.labels, values) : sameMap(e.labels, values)) });
  }
  if (m.line) out.push({ text: `line = ${q(m.line)}`, test: (e) => e.line === m.line });
  if (m.line_contains) out.push({ text: `line contains ${q(m.line_contains)}`, test: (e) => e.line.includes(m.line_contains!) });
  if (m.line_regex) {
    // Go's regexp (RE2: linear time, whatever the pattern).
    const re = GoRegexp.compile(m.line_regex);
    if (!(re instanceof GoRegexp)) return `line_regex: ${re.error}`;
    out.push({ text: `line matches /${m.line_regex}/`, test: (e) => re.test(e.line) });
  }
  if (m.timestamp) {
    const want = parseInstant(m.timestamp);
    if (want === undefined) return `timestamp: cannot parse ${q(m.timestamp)} as RFC 3339`;
    out.push({ text: `timestamp = ${formatInstant(want)}`, test: (e) => parseInstant(e.timestamp) === want });
  }
  if (m.structured_metadata && Object.keys(m.structured_metadata.values).length) {
    const { values, mode } = m.structured_metadata;
    out.push({
      text: `structured_metadata ${mode === 'partial' ? 'include' : '='} ${mapText(values)}`,
      test: (e) => (mode === 'partial' ? contains(e.structuredMetadata, values) : sameMap(e.structuredMetadata, values)),
    });
  }
  return out;
}

export function renderEntry(e: SinkEntry): string {
  return `labels = ${mapText(e.labels)} line = ${q(e.line)} timestamp = ${e.timestamp} structured_metadata = ${mapText(e.structuredMetadata)}`;
}

export function checkAssertion(a: Assertion, entries: SinkEntry[]): AssertionResult {
  const ms = matchers(a.match);
  const where = a.sink ? ` at ${a.sink}` : '';
  if (typeof ms === 'string') return { assertion: a, passed: false, description: `${a.type}${where}`, message: ms };
  const cond = ms.map((m) => m.text).join(', ');
  const hits = entries.filter((e) => ms.every((m) => m.test(e)));
  if (a.type === 'count') {
    const description = `${a.count} ${a.count === 1 ? 'entry' : 'entries'}${where}${cond ? ` with ${cond}` : ''}`;
    return hits.length === a.count
      ? { assertion: a, passed: true, description }
      : { assertion: a, passed: false, description, message: `expected ${a.count}, got ${hits.length}` };
  }
  const description = `an entry${where} with ${cond}`;
  return hits.length > 0 ? { assertion: a, passed: true, description } : { assertion: a, passed: false, description, message: 'no entry matches' };
}

/** Reads `{values, mode}`; `mode` defaults to `dflt`. */
export function readMapMatch(v: unknown, where: string, errors: string[], dflt: 'exact' | 'partial' = 'exact'): MapMatch | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    errors.push(`${where}: expected a mapping with values and mode`);
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const mode = o.mode ?? dflt;
  if (mode !== 'exact' && mode !== 'partial') errors.push(`${where}.mode must be "exact" or "partial", got ${JSON.stringify(mode)}`);
  return { mode: mode as MapMatch['mode'], values: stringMap(o.values, `${where}.values`, errors) };
}
