/**
 * Alloy types as the reference docs write them. The schemas name capsules by their Go
 * type (`capsule(loki.LogsReceiver)`); the docs call that `LogsReceiver`, and targets
 * `map(string)`.
 */

import { quote } from '@alloy-lint/gostd';

const DOCS_NAMES: Record<string, string> = {
  'capsule(discovery.Target)': 'map(string)',
  'capsule(loki.LogsReceiver)': 'LogsReceiver',
  'capsule(storage.Appendable)': 'MetricsReceiver',
  'capsule(pyroscope.Appendable)': 'ProfilesReceiver',
  'capsule(otelcol.Consumer)': 'otelcol.Consumer',
  'capsule(auth.Handler)': 'capsule(otelcol.Handler)',
  'capsule(relabel.Rules)': 'RelabelRules',
};

/** `list(capsule(loki.LogsReceiver))` → `list(LogsReceiver)`. */
export function docsType(type: string): string {
  const direct = DOCS_NAMES[type];
  if (direct) return direct;
  const m = /^(list|map)\((.*)\)$/.exec(type);
  return m ? `${m[1]}(${docsType(m[2])})` : type;
}

/** `T` of `list(T)`, or undefined. */
export function elementType(type: string): string | undefined {
  const m = /^list\((.*)\)$/.exec(type);
  return m ? m[1] : undefined;
}

/** `T` of `map(T)`; `any` for `object`/`any`; undefined otherwise. */
export function valueType(type: string): string | undefined {
  const m = /^map\((.*)\)$/.exec(type);
  if (m) return m[1];
  return type === 'object' || type === 'any' ? 'any' : undefined;
}

/** A value of the type to write where nothing is known yet: `""`, `0`, `[]`, ... */
export function placeholder(type: string): string {
  if (type === 'string' || type === 'secret' || type === 'optional_secret') return '""';
  if (type === 'duration') return '"1m"';
  if (type === 'number') return '0';
  if (type === 'bool') return 'false';
  if (type.startsWith('list(')) return '[]';
  if (type.startsWith('map(') || type === 'object') return '{}';
  return 'null';
}

/** A default value from the schema as Alloy source text. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length ? `{ ${entries.map(([k, x]) => `${/^[A-Za-z_]\w*$/.test(k) ? k : quote(k)} = ${valueText(x)}`).join(', ')} }` : '{}';
  }
  return String(v);
}
