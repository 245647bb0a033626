// Stages that let entries through or not: drop, match, limit, sampling.

import type { Block } from '@alloy-lint/parser';
import { byteLength, formatFloat, nsFromDate } from '@alloy-lint/gostd';
import { GoRegexp, quoteMeta } from '@alloy-lint/gostd/regexp';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody } from '../decode.js';
import { parseSelector, selectorMatches } from '../logql.js';
import type { Family, Registry } from '../metrics.js';
import type { BuildEnv, Entry, NestedPipeline, RunCtx, Stage } from '../types.js';
import { getString } from '../util.js';

export function droppedLines(reg: Registry): Family {
  return reg.family('loki_process_dropped_lines_total', 'A count of all log lines dropped as a result of a pipeline stage', 'counter');
}

export function buildDrop(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const source = (v.source as string | undefined) ?? '';
  const expression = (v.expression as string | undefined) ?? '';
  const value = (v.value as string | undefined) ?? '';
  const olderThan = (v.older_than as bigint | undefined) ?? 0n;
  const longerThan = (v.longer_than as number | undefined) ?? 0;
  if (!source && !expression && olderThan === 0n && longerThan === 0) {
    throw new ConfigError('drop stage config must contain at least one of `source`, `expression`, `older_than` or `longer_than`');
  }
  const reason = (v.drop_counter_reason as string | undefined) || 'drop_stage';
  if (value && expression) throw new ConfigError('drop stage config error, `value` and `expression` cannot both be defined at the same time');
  const separator = (v.separator as string | undefined) || ';';
  if (value && !source) throw new ConfigError('drop stage config must contain `source` if `value` is specified');
  let regex: GoRegexp | undefined;
  const compile = (src: string) => {
    const r = GoRegexp.compile(src);
    if (!(r instanceof GoRegexp)) throw new ConfigError(`drop stage regex compilation error: ${r.error}`);
    return r;
  };
  if (expression) regex = compile(expression);
  if (value) regex = compile(`^${quoteMeta(value)}$`);
  const sources = source ? source.split(',') : [];
  const counter = droppedLines(env.registry);
  const why: string[] = [];
  const shouldDrop = (e: Entry, ctx: RunCtx): boolean => {
    why.length = 0;
    if (longerThan !== 0) {
      const len = byteLength(e.line);
      if (len <= longerThan) return false;
      why.push(`line is ${len} bytes, longer than ${longerThan}`);
    }
    if (olderThan !== 0n) {
      const cutoff = nsFromDate(ctx.now()) - olderThan;
      if (!(e.ts < cutoff)) return false;
      why.push('timestamp older than older_than');
    }
    if (source && !regex) {
      for (const s of sources) if (!e.extracted.has(s)) return false;
      why.push(`extracted map has ${source}`);
    }
    if (!source && regex) {
      if (!regex.test(e.line)) return false;
      why.push(`line matches ${JSON.stringify(regex.source)}`);
    }
    if (source && regex) {
      const parts: string[] = [];
      for (const s of sources) {
        if (!e.extracted.has(s)) continue;
        const str = getString(e.extracted.get(s));
        if (str === undefined) return false;
        parts.push(str);
      }
      if (!regex.test(parts.join(separator))) return false;
      why.push(`${source} matches ${JSON.stringify(regex.source)}`);
    }
    return true;
  };
  return {
    name: 'drop',
    process(e, ctx) {
      if (!shouldDrop(e, ctx)) return e;
      counter.add([['reason', reason]], 1);
      ctx.dropped = `drop stage (reason ${reason}): ${why.join(', ')}`;
      return null;
    },
  };
}

export function buildMatch(block: Block, env: BuildEnv, spec: BodySpec, index: string): Stage {
  const { v, blocks } = decodeBody(block, spec, env);
  const selectorText = v.selector as string;
  if (selectorText === '') throw new ConfigError('selector statement required for match stage');
  let action = (v.action as string | undefined) ?? '';
  if (action === '') action = 'keep';
  else if (action !== 'keep' && action !== 'drop') throw new ConfigError("match stage action should be 'keep' or 'drop'");
  if (action === 'keep' && blocks.length === 0) throw new ConfigError("match stage requires at least one additional stage to be defined in '- stages'");
  if (action === 'drop' && blocks.length !== 0) throw new ConfigError('match stage configured to drop entries cannot contains stages');
  let selector;
  try {
    selector = parseSelector(selectorText);
  } catch (e) {
    throw new ConfigError(`invalid selector syntax for match stage: ${(e as Error).message}`);
  }
  let nested: NestedPipeline | undefined;
  if (action === 'keep') {
    const p = env.nested(blocks, index, spec);
    if ('error' in p) throw new ConfigError(`match stage failed to create pipeline from config: ${p.error}`);
    nested = p;
  }
  const reason = (v.drop_counter_reason as string | undefined) || 'match_stage';
  const counter = droppedLines(env.registry);
  return {
    name: 'match',
    tracesItself: action === 'keep',
    process(e, ctx) {
      if (!selectorMatches(selector, e.labels, e.line)) return e;
      if (action === 'drop') {
        counter.add([['reason', reason]], 1);
        ctx.dropped = `match stage (reason ${reason}): selector ${selectorText} matched`;
        return null;
      }
      const out = nested!.run(e, ctx);
      return out.length === 1 ? out[0] : out;
    },
    flush(ctx) {
      return nested ? nested.flush(ctx) : [];
    },
  };
}

/** golang.org/x/time/rate's token bucket, driven by the simulation clock. */
class Bucket {
  private tokens: number;
  private last: number | undefined;
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  allow(nowMs: number): boolean {
    if (this.last !== undefined && nowMs > this.last) this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) / 1000) * this.rate);
    this.last = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}

export function buildLimit(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const rate = v.rate as number;
  const burst = v.burst as number;
  const drop = v.drop === true;
  const byLabel = (v.by_label_name as string | undefined) ?? '';
  if (rate <= 0 || burst <= 0) throw new ConfigError('limit stage failed to parse rate or burst');
  if (byLabel && !drop) throw new ConfigError('when ratelimiting by label, drop must be true');
  let maxDistinct = (v.max_distinct_labels as number | undefined) ?? 0;
  if (byLabel && maxDistinct < 10000) maxDistinct = 10000;
  const counter = droppedLines(env.registry);
  const byLabelCounter = byLabel
    ? env.registry.family('loki_process_dropped_lines_by_label_total', 'A count of all log lines dropped as a result of a pipeline stage', 'counter')
    : undefined;
  const single = new Bucket(rate, burst);
  let newGen = new Map<string, Bucket>();
  let oldGen = new Map<string, Bucket>();
  return {
    name: 'limit',
    process(e, ctx) {
      const now = ctx.now().getTime();
      if (byLabel) {
        const lv = e.labels.get(byLabel);
        if (lv === undefined) return e;
        let b = newGen.get(lv);
        if (!b) {
          b = oldGen.get(lv) ?? new Bucket(rate, burst);
          newGen.set(lv, b);
          if (newGen.size === maxDistinct) {
            oldGen = newGen;
            newGen = new Map();
            byLabelCounter!.series.clear();
          }
        }
        if (b.allow(now)) return e;
        counter.add([['reason', 'ratelimit_drop_stage']], 1);
        byLabelCounter!.add([['label_name', byLabel], ['label_value', lv]], 1);
        ctx.dropped = `limit stage: rate limit for ${byLabel}=${lv} exceeded`;
        return null;
      }
      if (!drop) {
        single.allow(now); // without drop the entry waits for a token instead; it still goes through
        return e;
      }
      if (single.allow(now)) return e;
      counter.add([['reason', 'ratelimit_drop_stage']], 1);
      ctx.dropped = 'limit stage: rate limit exceeded';
      return null;
    },
  };
}

export function buildSampling(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const rate = v.rate as number;
  if (!(rate >= 0 && rate <= 1)) {
    throw new ConfigError(`sampling stage failed to parse rate,Sampling Rate must be between 0.0 and 1.0, received ${formatFloat(rate, 'f', 6)}`, true);
  }
  const reason = (v.drop_counter_reason as string | undefined) ?? '';
  const counter = droppedLines(env.registry);
  // A fixed-seed generator keeps runs reproducible (Alloy samples at random).
  let state = 0x9e3779b9;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return {
    name: 'sampling',
    process(e, ctx) {
      if (rate >= 1 || (rate > 0 && random() < rate)) return e;
      counter.add([['reason', reason]], 1);
      ctx.dropped = `sampling stage (reason ${reason}): not sampled at rate ${rate}`;
      return null;
    },
  };
}
