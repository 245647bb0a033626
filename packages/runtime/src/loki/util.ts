// Go conversions the stages apply to extracted values (getString, getFloat),
// label name checks, and byte-length helpers.

import { formatFloat, goValueOf, jsonMarshal, parseFloat64, quote, validString } from '@alloy-lint/gostd';
import { durationSeconds } from './decode.js';

/** Go's getString: numbers, strings and bools convert; anything else does not (undefined). */
export function getString(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
      return formatFloat(v, 'f', -1);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    default:
      return undefined;
  }
}

/** strconv.ParseFloat(s, 64), undefined on any error. */
export function parseGoFloat(s: string): number | undefined {
  try {
    return parseFloat64(s);
  } catch {
    return undefined;
  }
}

/** Go's getFloat: numbers, bools, and strings holding a float or a duration (as seconds). */
export function getFloat(v: unknown): number | undefined {
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return parseGoFloat(v) ?? durationSeconds(v);
    default:
      return undefined;
  }
}

/** Label values must be valid UTF-8. */
export function validLabelValue(v: string): boolean {
  return validString(v);
}

/** Label names under Prometheus' UTF-8 scheme: non-empty valid UTF-8. */
export function validLabelName(n: string): boolean {
  return n.length > 0 && validString(n);
}

const LEGACY_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label names under the legacy scheme: `[a-zA-Z_][a-zA-Z0-9_]*`. */
export function validLegacyLabelName(n: string): boolean {
  return LEGACY_NAME.test(n);
}


/** Prometheus' model.LabelSet.String(): `{a="1", b="2"}` with sorted names. */
export function labelSetString(labels: Map<string, string>): string {
  const names = [...labels.keys()].sort();
  return '{' + names.map((n) => `${n}=${quote(labels.get(n)!)}`).join(', ') + '}';
}

/** Sorted `name\xffvalue` key of a label set, used where Go keys state by fingerprint. */
export function labelsKey(labels: Map<string, string>): string {
  const names = [...labels.keys()].sort();
  let k = '';
  for (const n of names) k += n + '\u00ff' + labels.get(n) + '\u00fe';
  return k;
}

/** JSON text as Go's json.Marshal writes it (sorted keys, HTML characters escaped); `v` is plain JS data. */
export function goJsonMarshal(v: unknown): string {
  return jsonMarshal(goValueOf(v));
}
