// `include` / `exclude` blocks of otelcol.processor.attributes (the contrib filterspan,
// filterlog and filtermetric matchers): every property given must match; list properties
// match when any entry does; `strict` compares exactly, `regexp` finds an RE2 match.

import type { Block } from '@alloy-lint/parser';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { SPAN_KINDS, type AnyValue, type Attrs, type LogRecord, type Metric, type Resource, type Scope, type Signal, type Span } from '../../otel/pdata.js';
import { SimError, stringList, text } from '../../value-js.js';
import type { SimContext } from '../api.js';
import { anyFromValue, optString } from './common.js';

type StrMatch = (s: string) => boolean;

interface AttrMatch {
  key: string;
  value?: AnyValue;
  re?: GoRegexp;
}

export interface MatchProps {
  services?: StrMatch;
  spanNames?: StrMatch;
  spanKinds?: StrMatch;
  logBodies?: StrMatch;
  severityTexts?: StrMatch;
  metricNames?: StrMatch;
  attributes: AttrMatch[];
  resources: AttrMatch[];
  libraries: { name: StrMatch; version?: StrMatch }[];
  severity?: { min: number; matchUndefined: boolean };
}

const SEVERITY: Record<string, number> = { TRACE: 1, TRACE2: 2, TRACE3: 3, TRACE4: 4, DEBUG: 5, DEBUG2: 6, DEBUG3: 7, DEBUG4: 8, INFO: 9, INFO2: 10, INFO3: 11, INFO4: 12, WARN: 13, WARN2: 14, WARN3: 15, WARN4: 16, ERROR: 17, ERROR2: 18, ERROR3: 19, ERROR4: 20, FATAL: 21, FATAL2: 22, FATAL3: 23, FATAL4: 24 };

function matcher(strict: boolean, patterns: string[], where: string): StrMatch {
  if (strict) {
    const set = new Set(patterns);
    return (s) => set.has(s);
  }
  const res = patterns.map((p) => {
    const re = GoRegexp.compile(p);
    if (!(re instanceof GoRegexp)) throw new SimError(`${where}: ${re.error}`);
    return re;
  });
  return (s) => res.some((re) => re.test(s));
}

function valueEqual(a: AnyValue, b: AnyValue): boolean {
  if (typeof a === 'bigint' && typeof b === 'number') return Number(a) === b;
  if (typeof a === 'number' && typeof b === 'bigint') return a === Number(b);
  if (a instanceof Map || b instanceof Map || Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a, (_, x) => (typeof x === 'bigint' ? x.toString() : x instanceof Map ? Object.fromEntries(x) : x)) === JSON.stringify(b, (_, x) => (typeof x === 'bigint' ? x.toString() : x instanceof Map ? Object.fromEntries(x) : x));
  return a === b;
}

function attrsMatch(ms: AttrMatch[], attrs: Attrs): boolean {
  return ms.every((m) => {
    const v = attrs.get(m.key);
    if (v === undefined) return false;
    if (m.re) return typeof v === 'string' && m.re.test(v);
    return m.value === undefined || valueEqual(v, m.value);
  });
}

/** Decodes one `include` or `exclude` block; properties that do not apply to `signal` are errors, as upstream validates. */
export function readMatch(ctx: SimContext, b: Block, signal: Signal, where: string): MatchProps {
  const type = text(ctx.required('match_type', b.body), `${where}.match_type`);
  if (type !== 'strict' && type !== 'regexp') throw new SimError(`${where}: match_type must be "strict" or "regexp", got ${JSON.stringify(type)}`);
  const strict = type === 'strict';
  const list = (name: string) => {
    const v = ctx.attr(name, b.body);
    return v && v.t !== 'null' ? stringList(v, `${where}.${name}`) : undefined;
  };
  const attr = (blk: Block, w: string): AttrMatch => {
    const key = text(ctx.required('key', blk.body), `${w}.key`);
    const raw = ctx.attr('value', blk.body);
    const value = raw && raw.t !== 'null' ? anyFromValue(raw) : undefined;
    if (strict || value === undefined) return { key, value };
    if (typeof value !== 'string') throw new SimError(`${w}: match_type=regexp requires a string value for key ${key}`);
    const re = GoRegexp.compile(value);
    if (!(re instanceof GoRegexp)) throw new SimError(`${w}: ${re.error}`);
    return { key, re };
  };
  const p: MatchProps = {
    attributes: ctx.blocks('attribute', b.body).map((x, i) => attr(x, `${where}.attribute[${i}]`)),
    resources: ctx.blocks('resource', b.body).map((x, i) => attr(x, `${where}.resource[${i}]`)),
    libraries: ctx.blocks('library', b.body).map((x, i) => {
      const name = text(ctx.required('name', x.body), `${where}.library[${i}].name`);
      const version = optString(ctx, 'version', x.body);
      return { name: matcher(strict, [name], `${where}.library`), ...(version !== undefined ? { version: matcher(strict, [version], `${where}.library`) } : {}) };
    }),
  };
  const lists: [keyof MatchProps, string, Signal[]][] = [
    ['services', 'services', ['traces']],
    ['spanNames', 'span_names', ['traces']],
    ['spanKinds', 'span_kinds', ['traces']],
    ['logBodies', 'log_bodies', ['logs']],
    ['severityTexts', 'log_severity_texts', ['logs']],
    ['metricNames', 'metric_names', ['metrics']],
  ];
  for (const [field, name, signals] of lists) {
    const l = list(name);
    if (!l || l.length === 0) continue;
    if (!signals.includes(signal)) continue;
    (p as unknown as Record<string, StrMatch>)[field] = matcher(strict, l, `${where}.${name}`);
  }
  const sev = ctx.blocks('log_severity', b.body)[0];
  if (sev && signal === 'logs') {
    const min = text(ctx.required('min', sev.body), `${where}.log_severity.min`).toUpperCase();
    if (!(min in SEVERITY)) throw new SimError(`${where}.log_severity.min: unknown severity ${JSON.stringify(min)}`);
    const mu = ctx.attr('match_undefined', sev.body);
    p.severity = { min: SEVERITY[min], matchUndefined: mu?.t === 'bool' ? mu.v : false };
  }
  return p;
}

const serviceOf = (r: Resource) => {
  const v = r.attributes.get('service.name');
  return typeof v === 'string' ? v : '';
};

function scopeOk(p: MatchProps, scope: Scope): boolean {
  return p.libraries.length === 0 || p.libraries.some((l) => l.name(scope.name) && (!l.version || l.version(scope.version)));
}

export function spanMatches(p: MatchProps, s: Span, r: Resource, scope: Scope): boolean {
  if (p.services && !p.services(serviceOf(r))) return false;
  if (p.spanNames && !p.spanNames(s.name)) return false;
  if (p.spanKinds && !p.spanKinds(SPAN_KINDS[s.kind] ?? '')) return false;
  return scopeOk(p, scope) && attrsMatch(p.resources, r.attributes) && attrsMatch(p.attributes, s.attributes);
}

export function logMatches(p: MatchProps, l: LogRecord, r: Resource, scope: Scope): boolean {
  if (p.logBodies && !(typeof l.body === 'string' && p.logBodies(l.body))) return false;
  if (p.severityTexts && !p.severityTexts(l.severityText)) return false;
  if (p.severity && !(l.severityNumber === 0 ? p.severity.matchUndefined : l.severityNumber >= p.severity.min)) return false;
  return scopeOk(p, scope) && attrsMatch(p.resources, r.attributes) && attrsMatch(p.attributes, l.attributes);
}

export function metricMatches(p: MatchProps, m: Metric, r: Resource, scope: Scope): boolean {
  if (p.metricNames && !p.metricNames(m.name)) return false;
  return scopeOk(p, scope) && attrsMatch(p.resources, r.attributes);
}
