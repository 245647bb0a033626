// Tail sampling policies (contrib tailsamplingprocessor), each deciding on a whole trace:
// Sampled, NotSampled, InvertSampled, InvertNotSampled or Dropped.

import type { Block } from '@alloy-lint/parser';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { STATUS_CODES, type AnyValue, type Resource, type Scope, type Span } from '../../otel/pdata.js';
import { ottlEngine } from '../../otel/ottl-engine.js';
import { fnv1a64, traceIdBytes } from '../../otel/sampling-hash.js';
import { bool, num, SimError, stringList, text } from '../../value-js.js';
import type { SimContext } from '../api.js';
import { optBool, optString } from './common.js';

export type Decision = 'Sampled' | 'NotSampled' | 'InvertSampled' | 'InvertNotSampled' | 'Dropped' | 'Error';

export interface TraceSpans {
  id: string;
  spans: { span: Span; resource: Resource; scope: Scope }[];
}

export type Policy = { name: string; type: string; evaluate(t: TraceSpans): Decision };

const anySpan = (t: TraceSpans, f: (s: Span) => boolean): Decision => (t.spans.some((x) => f(x.span)) ? 'Sampled' : 'NotSampled');

function anyResourceOrSpan(t: TraceSpans, res: (r: Resource) => boolean, span: (s: Span) => boolean): boolean {
  const seen = new Set<Resource>();
  for (const x of t.spans) {
    if (!seen.has(x.resource)) {
      seen.add(x.resource);
      if (res(x.resource)) return true;
    }
    if (span(x.span)) return true;
  }
  return false;
}

const str = (v: AnyValue | undefined) => (typeof v === 'string' ? v : '');

/** Builds one policy from a `policy` (or sub-policy) block. */
export function buildPolicy(ctx: SimContext, b: Block, where: string, state: { spansThisSecond: number }): Policy {
  const name = optString(ctx, 'name', b.body) ?? '';
  const type = text(ctx.required('type', b.body), `${where}.type`);
  const sub = (block: string) => ctx.blocks(block, b.body)[0]?.body;
  const cfg = sub(type);
  const n = (k: string, d = 0) => {
    const v = cfg && ctx.attr(k, cfg);
    return v && v.t !== 'null' ? num(v, `${where}.${type}.${k}`) : d;
  };
  const list = (k: string) => {
    const v = cfg && ctx.attr(k, cfg);
    return v && v.t !== 'null' ? stringList(v, `${where}.${type}.${k}`) : [];
  };
  const policy = (evaluate: Policy['evaluate']): Policy => ({ name, type, evaluate });
  switch (type) {
    case 'always_sample':
      return policy(() => 'Sampled');
    case 'latency': {
      const lo = n('threshold_ms');
      const hi = n('upper_threshold_ms');
      return policy((t) => {
        let min = 0n;
        let max = 0n;
        return anySpan(t, (s) => {
          if (min === 0n || s.startTimeUnixNano < min) min = s.startTimeUnixNano;
          if (max === 0n || s.endTimeUnixNano > max) max = s.endTimeUnixNano;
          const ms = Number((max - min) / 1_000_000n);
          return hi === 0 ? ms >= lo : lo < ms && ms <= hi;
        });
      });
    }
    case 'numeric_attribute': {
      const key = text(ctx.required('key', cfg!), `${where}.numeric_attribute.key`);
      const lo = BigInt(Math.trunc(n('min_value')));
      const hi = BigInt(Math.trunc(n('max_value')));
      const invert = optBool(ctx, 'invert_match', false, cfg);
      const inRange = (v: AnyValue | undefined) => typeof v === 'bigint' && v >= lo && v <= hi;
      return policy((t) => {
        const hit = anyResourceOrSpan(t, (r) => inRange(r.attributes.get(key)), (s) => inRange(s.attributes.get(key)));
        if (!invert) return hit ? 'Sampled' : 'NotSampled';
        return hit ? 'InvertNotSampled' : 'InvertSampled';
      });
    }
    case 'probabilistic': {
      const salt = optString(ctx, 'hash_salt', cfg) || 'default-hash-seed';
      const ratio = n('sampling_percentage') / 100;
      // big.Float(MaxUint64) * ratio, truncated: ratio·2⁶⁴ is exact, so this is that minus one.
      const x = ratio * 2 ** 64;
      const threshold = ratio >= 1 ? 0xffffffffffffffffn : ratio <= 0 ? 0n : Number.isInteger(x) ? BigInt(x) - 1n : BigInt(Math.floor(x));
      return policy((t) => (fnv1a64([new TextEncoder().encode(salt), traceIdBytes(t.id)]) <= threshold ? 'Sampled' : 'NotSampled'));
    }
    case 'status_code': {
      const codes = list('status_codes');
      for (const c of codes) if (!['OK', 'ERROR', 'UNSET'].includes(c)) throw new SimError(`${where}.status_code: unknown status code "${c}"`);
      return policy((t) => anySpan(t, (s) => codes.includes((STATUS_CODES[s.status.code] ?? '').replace('STATUS_CODE_', ''))));
    }
    case 'string_attribute': {
      const key = text(ctx.required('key', cfg!), `${where}.string_attribute.key`);
      const values = list('values');
      const regex = optBool(ctx, 'enabled_regex_matching', false, cfg);
      const invert = optBool(ctx, 'invert_match', false, cfg);
      let match: (s: string) => boolean;
      if (regex) {
        const res = values.map((v) => {
          const re = GoRegexp.compile(v);
          if (!(re instanceof GoRegexp)) throw new SimError(`${where}.string_attribute.values: ${re.error}`);
          return re;
        });
        match = (s) => res.some((re) => re.test(s));
      } else {
        const set = new Set(values.filter((v) => v !== ''));
        match = (s) => set.has(s);
      }
      return policy((t) => {
        const hit = anyResourceOrSpan(t, (r) => r.attributes.has(key) && match(str(r.attributes.get(key))), (s) => str(s.attributes.get(key)).length > 0 && match(str(s.attributes.get(key))));
        if (!invert) return hit ? 'Sampled' : 'NotSampled';
        return hit ? 'InvertNotSampled' : 'InvertSampled';
      });
    }
    case 'boolean_attribute': {
      const key = text(ctx.required('key', cfg!), `${where}.boolean_attribute.key`);
      const value = bool(ctx.required('value', cfg!), `${where}.boolean_attribute.value`);
      const invert = optBool(ctx, 'invert_match', false, cfg);
      return policy((t) => {
        const hit = anyResourceOrSpan(t, (r) => r.attributes.get(key) === value, (s) => s.attributes.get(key) === value);
        if (!invert) return hit ? 'Sampled' : 'NotSampled';
        return hit ? 'InvertNotSampled' : 'InvertSampled';
      });
    }
    case 'span_count': {
      const lo = n('min_spans');
      const hi = n('max_spans');
      return policy((t) => (t.spans.length >= lo && (hi === 0 || t.spans.length <= hi) ? 'Sampled' : 'NotSampled'));
    }
    case 'rate_limiting': {
      const limit = n('spans_per_second');
      return policy((t) => {
        if (state.spansThisSecond + t.spans.length > limit) return 'NotSampled';
        state.spansThisSecond += t.spans.length;
        return 'Sampled';
      });
    }
    case 'trace_state': {
      const key = text(ctx.required('key', cfg!), `${where}.trace_state.key`);
      const values = new Set(list('values'));
      return policy((t) =>
        anySpan(t, (s) =>
          s.traceState.split(',').some((kv) => {
            const [k, v] = kv.trim().split('=');
            return k === key && values.has(v ?? '');
          }),
        ),
      );
    }
    case 'ottl_condition': {
      const e = ottlEngine();
      if (!e) throw new SimError(`${where}: ottl_condition needs the OTTL engine, which is not available`);
      const spans = e.conditions('span', list('span'));
      const events = e.conditions('spanevent', list('spanevent'));
      if ('error' in spans) throw new SimError(`${where}.ottl_condition.span: ${spans.error}`);
      if ('error' in events) throw new SimError(`${where}.ottl_condition.spanevent: ${events.error}`);
      return policy((t) => {
        for (const x of t.spans) {
          const tgt = { resource: x.resource, scope: x.scope, span: x.span, cache: new Map() };
          const r = spans.test(tgt);
          if (typeof r !== 'boolean') {
            if ('unsupported' in r) ctx.warn(`${where}: OTTL function ${r.unsupported} is not simulated: the policy errs`);
            return 'Error';
          }
          if (r) return 'Sampled';
          for (const ev of x.span.events) {
            const re = events.test({ ...tgt, spanEvent: ev });
            if (typeof re !== 'boolean') return 'Error';
            if (re) return 'Sampled';
          }
        }
        return 'NotSampled';
      });
    }
    case 'and':
    case 'drop':
    case 'not': {
      const subs = ctx.blocks(`${type}_sub_policy`, cfg ?? []).map((sb, i) => buildPolicy(ctx, sb, `${where}.${type}.${type}_sub_policy[${i}]`, state));
      if (type === 'not') {
        if (subs.length !== 1) throw new SimError(`${where}.not: exactly one not_sub_policy is required`);
        return policy((t) => {
          const d = subs[0].evaluate(t);
          return d === 'Sampled' || d === 'InvertSampled' ? 'NotSampled' : d === 'NotSampled' || d === 'InvertNotSampled' ? 'Sampled' : d;
        });
      }
      return policy((t) => {
        for (const p of subs) {
          const d = p.evaluate(t);
          if (d === 'NotSampled' || d === 'InvertNotSampled' || d === 'Error') return 'NotSampled';
        }
        return type === 'drop' ? 'Dropped' : 'Sampled';
      });
    }
    case 'composite': {
      const subs = ctx.blocks('composite_sub_policy', cfg ?? []).map((sb, i) => buildPolicy(ctx, sb, `${where}.composite.composite_sub_policy[${i}]`, state));
      return policy((t) => (subs.some((p) => p.evaluate(t) === 'Sampled') ? 'Sampled' : 'NotSampled'));
    }
    default:
      throw new SimError(`${where}: policy type ${JSON.stringify(type)} is not simulated`);
  }
}

/** The final decision of the policies, as makeDecision combines them. */
export function decide(policies: Policy[], t: TraceSpans, firstMatch: boolean): { decision: 'Sampled' | 'NotSampled' | 'Dropped'; by?: string; results: string[] } {
  const seen = new Map<Decision, string>();
  const results: string[] = [];
  for (const p of policies) {
    const d = p.evaluate(t);
    results.push(`${p.name || p.type}=${d}`);
    if (!seen.has(d)) seen.set(d, p.name || p.type);
    if (d === 'Dropped' || (firstMatch && d === 'Sampled')) break;
  }
  if (seen.has('Dropped')) return { decision: 'Dropped', by: seen.get('Dropped'), results };
  if (seen.has('InvertNotSampled')) return { decision: 'NotSampled', by: seen.get('InvertNotSampled'), results };
  if (seen.has('Sampled')) return { decision: 'Sampled', by: seen.get('Sampled'), results };
  if (seen.has('InvertSampled') && !seen.has('NotSampled')) return { decision: 'Sampled', by: seen.get('InvertSampled'), results };
  return { decision: 'NotSampled', results };
}
