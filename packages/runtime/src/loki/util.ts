// Go conversions the stages apply to extracted values (getString, getFloat),
// label name checks, and byte-length helpers.

import { formatFloat } from '@alloy-lint/values';
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

const DEC_FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL = /^[+-]?(inf|infinity|nan)$/i;

/** strconv.ParseFloat(s, 64) for decimal input (underscores and hex floats are rare enough to skip). */
export function parseGoFloat(s: string): number | undefined {
  if (DEC_FLOAT.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? v : undefined;
  }
  const m = SPECIAL.exec(s);
  if (m) {
    if (m[1].toLowerCase() === 'nan') return s[0] === '+' || s[0] === '-' ? undefined : NaN;
    return s[0] === '-' ? -Infinity : Infinity;
  }
  return undefined;
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Label values must be valid UTF-8. */
export function validLabelValue(v: string): boolean {
  return !LONE_SURROGATE.test(v);
}

/** Label names under Prometheus' UTF-8 scheme: non-empty valid UTF-8. */
export function validLabelName(n: string): boolean {
  return n.length > 0 && !LONE_SURROGATE.test(n);
}

const LEGACY_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label names under the legacy scheme: `[a-zA-Z_][a-zA-Z0-9_]*`. */
export function validLegacyLabelName(n: string): boolean {
  return LEGACY_NAME.test(n);
}

const ASCII = /^[\x00-\x7f]*$/;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** Length of `s` in UTF-8 bytes. */
export function byteLength(s: string): number {
  return ASCII.test(s) ? s.length : enc.encode(s).length;
}

/** The first `n` UTF-8 bytes of `s` (a cut inside a character leaves U+FFFD). */
export function byteSlice(s: string, n: number): string {
  if (ASCII.test(s)) return s.slice(0, n);
  return dec.decode(enc.encode(s).subarray(0, n));
}

/** Prometheus' model.LabelSet.String(): `{a="1", b="2"}` with sorted names. */
export function labelSetString(labels: Map<string, string>): string {
  const names = [...labels.keys()].sort();
  return '{' + names.map((n) => `${n}=${JSON.stringify(labels.get(n))}`).join(', ') + '}';
}

/** Sorted `name\xffvalue` key of a label set, used where Go keys state by fingerprint. */
export function labelsKey(labels: Map<string, string>): string {
  const names = [...labels.keys()].sort();
  let k = '';
  for (const n of names) k += n + '\u00ff' + labels.get(n) + '\u00fe';
  return k;
}

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;
const HTML_ESC: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON text as Go's json.Marshal writes it (HTML characters escaped). */
export function goJsonMarshal(v: unknown): string {
  const s = JSON.stringify(v) ?? 'null';
  return HTML_UNSAFE.test(s) ? s.replace(HTML_UNSAFE, (c) => HTML_ESC[c]) : s;
}
