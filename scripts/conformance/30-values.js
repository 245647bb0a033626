// vm and stdlib families: evaluate expressions and compare values or errors with Alloy's own results.
import { evaluateText, number, optionalSecret, secret } from '@alloy-lint/values';
import { loadJson, tally } from './util.js';

/** A tagged vector value → a value for the scope. */
function fromTagged(t) {
  switch (t.type) {
    case 'null':
      return { t: 'null' };
    case 'bool':
      return { t: 'bool', v: t.value };
    case 'string':
      return { t: 'string', v: t.value };
    case 'number': {
      const go = t.go_type;
      if (go === 'float64' || go === 'float32') return number(go, t.value_text ? Number(t.value_text) : t.value);
      if (t.value_text !== undefined) return number(go, BigInt(t.value_text));
      // JSON numbers past 2^53 arrive rounded; a value rounded past the type's maximum was the maximum.
      let n = BigInt(t.value);
      const max = go === 'uint64' || go === 'uint' ? (1n << 64n) - 1n : go === 'int64' || go === 'int' ? (1n << 63n) - 1n : n;
      if (n > max) n = max;
      return number(go, n);
    }
    case 'secret':
      return secret(t.value);
    case 'optional_secret':
      return optionalSecret(t.value, t.is_secret);
    case 'array':
      return { t: 'array', v: t.value.map(fromTagged) };
    case 'object':
      return { t: 'object', v: new Map(Object.entries(t.value).map(([k, v]) => [k, fromTagged(v)])) };
    default:
      throw new Error(`cannot build a scope value of type ${t.type}`);
  }
}

function scopeOf(rec) {
  if (!rec.scope) return undefined;
  return Object.fromEntries(Object.entries(rec.scope).map(([k, v]) => [k, fromTagged(v)]));
}

/** Our value → the vector's tagged form (numbers keep bigint/float for exact comparison). */
function toTagged(v) {
  switch (v.t) {
    case 'null':
      return { type: 'null' };
    case 'bool':
      return { type: 'bool', value: v.v };
    case 'string':
      if (v.dur !== undefined) return { type: 'number', go_type: 'time.Duration', value: v.dur };
      return { type: 'string', value: v.v };
    case 'number':
      return { type: 'number', go_type: v.go, value: v.v };
    case 'array':
      return { type: 'array', value: v.v.map(toTagged) };
    case 'object':
      return { type: 'object', value: Object.fromEntries([...v.v].map(([k, x]) => [k, toTagged(x)])) };
    case 'function':
      return { type: 'function' };
    case 'capsule':
      if (v.kind === 'secret') return { type: 'secret', value: v.v };
      if (v.kind === 'optional_secret') return { type: 'optional_secret', value: v.v, is_secret: v.isSecret };
      return { type: 'capsule', go_type: v.go };
  }
  return { type: '?' };
}

function numbersEqual(got, want) {
  if (got.go_type !== want.go_type) return false;
  const g = got.value;
  if (typeof g === 'bigint') return g === BigInt(want.value_text ?? String(want.value));
  if (want.value_text === 'NaN') return Number.isNaN(g);
  if (want.value_text === '+Inf') return g === Infinity;
  if (want.value_text === '-Inf') return g === -Infinity;
  const w = want.value_text !== undefined ? Number(want.value_text) : want.value;
  if (want.go_type === 'float32') return g === Math.fround(w);
  return g === w;
}

function taggedEqual(got, want) {
  if (got.type !== want.type) return false;
  switch (want.type) {
    case 'null':
    case 'function':
      return true;
    case 'number':
      return numbersEqual(got, want);
    case 'bool':
    case 'string':
    case 'secret':
      return got.value === want.value;
    case 'optional_secret':
      return got.value === want.value && got.is_secret === want.is_secret;
    case 'capsule':
      return got.go_type === want.go_type;
    case 'array':
      return got.value.length === want.value.length && want.value.every((w, i) => taggedEqual(got.value[i], w));
    case 'object': {
      const gk = Object.keys(got.value);
      const wk = Object.keys(want.value);
      return gk.length === wk.length && wk.every((k) => k in got.value && taggedEqual(got.value[k], want.value[k]));
    }
  }
  return false;
}

function elementsMatch(got, want) {
  if (got.type !== 'array' || want.type !== 'array' || got.value.length !== want.value.length) return false;
  const used = new Set();
  return want.value.every((w) => {
    const i = got.value.findIndex((g, j) => !used.has(j) && taggedEqual(g, w));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

const show = (x) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

function checkRecord(rec) {
  const r = evaluateText(rec.expr, scopeOf(rec), { env: rec.env ?? {}, target: rec.decode_as ?? 'any' });
  if (rec.parse_error_equals !== undefined && rec.parse_error_equals !== null) {
    if (!r.parseError) return `expected parse error ${show(rec.parse_error_equals)}, got ${r.errorText ?? show(r.value && toTagged(r.value))}`;
    return r.errorText === rec.parse_error_equals ? '' : `parse error ${show(r.errorText)} != ${show(rec.parse_error_equals)}`;
  }
  if (r.parseError) return `unexpected parse error ${show(r.errorText)}`;
  if (rec.error_equals !== undefined && rec.error_equals !== null) {
    if (!r.error) return `expected error ${show(rec.error_equals)}, got ${show(toTagged(r.value))}`;
    return r.errorText === rec.error_equals ? '' : `error ${show(r.errorText)} != ${show(rec.error_equals)}`;
  }
  if (rec.error_contains !== undefined && rec.error_contains !== null) {
    if (!r.error) return `expected error containing ${show(rec.error_contains)}, got ${show(toTagged(r.value))}`;
    return r.errorText.includes(rec.error_contains) ? '' : `error ${show(r.errorText)} lacks ${show(rec.error_contains)}`;
  }
  if (r.error) return `unexpected error ${show(r.errorText)}`;
  const got = toTagged(r.value);
  const ok = rec.compare === 'elements_match' ? elementsMatch(got, rec.expected) : taggedEqual(got, rec.expected);
  return ok ? '' : `got ${show(got)}, want ${show(rec.expected)}`;
}

function runRecords(records, t) {
  for (const rec of records) {
    let bad;
    try {
      bad = checkRecord(rec);
    } catch (e) {
      bad = `crashed: ${e?.stack ?? e}`;
    }
    t.check(!bad, `${rec.test}${rec.name ? ' ' + rec.name : ''} ${show(rec.expr)} as ${rec.decode_as}: ${bad}`);
  }
}

const vm = {
  name: 'vm',
  run(dir) {
    const a = loadJson(dir, 'vm/expressions.json');
    const b = loadJson(dir, 'vm/corpus-expressions.json');
    if (!a && !b) return undefined;
    const t = tally();
    runRecords([...(a ?? []), ...(b ?? [])], t);
    return t;
  },
};

const stdlib = {
  name: 'stdlib',
  run(dir) {
    const a = loadJson(dir, 'stdlib/functions.json');
    if (!a) return undefined;
    const t = tally();
    runRecords(a, t);
    return t;
  },
};

export const families = [vm, stdlib];
