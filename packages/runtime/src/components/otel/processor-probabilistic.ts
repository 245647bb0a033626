// otelcol.processor.probabilistic_sampler: per span (or log record), a decision that
// depends only on the trace id (or the chosen attribute) — hash_seed mode hashes it with
// FNV-1a and the seed; proportional and equalizing modes compare the id's 56 random bits
// with the threshold of sampling_percentage, writing `ot=th:` into the tracestate.

import { asString, type Item, type LogRecord, type Span } from '../../otel/pdata.js';
import { hashSeedSampled, probabilityThreshold, thresholdText, traceIdBytes, traceRandomness } from '../../otel/sampling-hash.js';
import { num, SimError } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, optString, processor } from './common.js';

function setTh(ts: string, th: string): string {
  const parts = ts ? ts.split(',').map((s) => s.trim()) : [];
  const i = parts.findIndex((p) => p.startsWith('ot='));
  const ot = i >= 0 ? parts[i].slice(3).split(';').filter((f) => !f.startsWith('th:')) : [];
  const value = `ot=${['th:' + th, ...ot].join(';')}`;
  if (i >= 0) parts.splice(i, 1);
  return [value, ...parts].join(',');
}

export function probabilisticSampler(ctx: SimContext): Simulator {
  const pv = ctx.attr('sampling_percentage');
  const percent = pv ? num(pv, 'sampling_percentage') : 0;
  const sv = ctx.attr('hash_seed');
  const seed = sv ? num(sv, 'hash_seed') : 0;
  const source = optString(ctx, 'attribute_source') ?? 'traceID';
  const fromAttr = optString(ctx, 'from_attribute') ?? '';
  const pv2 = ctx.attr('sampling_precision');
  const precision = pv2 ? num(pv2, 'sampling_precision') : 4;
  const failClosed = optBool(ctx, 'fail_closed', true);
  const modeArg = optString(ctx, 'mode') ?? '';
  const mode = modeArg || (seed !== 0 || source === 'record' ? 'hash_seed' : 'proportional');
  if (!['hash_seed', 'proportional', 'equalizing'].includes(mode)) throw new SimError(`unknown sampler mode ${JSON.stringify(mode)}`);
  if (percent < 0) throw new SimError('sampling rate is negative: ' + percent + '%');
  const threshold = percent >= 100 ? 0n : percent <= 0 ? undefined : probabilityThreshold(percent / 100, precision);

  const decide = (it: Span | LogRecord): { keep: boolean; note: string } => {
    let id = it.traceId;
    if ('body' in it && source === 'record') {
      const v = it.attributes.get(fromAttr);
      if (v === undefined) return { keep: !failClosed, note: `missing randomness: no attribute ${fromAttr}` };
      id = Array.from(new TextEncoder().encode(asString(v)), (b) => b.toString(16).padStart(2, '0')).join('');
    }
    if (!id) return { keep: !failClosed, note: 'missing randomness: no trace id' };
    if (percent <= 0) return { keep: false, note: 'sampling_percentage 0' };
    if (mode === 'hash_seed') {
      const keep = percent >= 100 || hashSeedSampled(traceIdBytes(id), seed, percent);
      return { keep, note: `hash_seed ${seed}: ${keep ? 'sampled' : 'not sampled'} at ${percent}%` };
    }
    const rnd = traceRandomness(id, 'traceState' in it ? it.traceState : '');
    const keep = threshold! <= rnd;
    if (keep && 'traceState' in it) it.traceState = setTh(it.traceState, thresholdText(threshold!));
    return { keep, note: `${mode}: threshold ${thresholdText(threshold!)} ${keep ? '≤' : '>'} randomness ${rnd.toString(16).padStart(14, '0')}` };
  };
  const input = processor(
    ctx,
    (b) => {
      ctx.flow.otel.step(ctx.id, b, () => {
        const notes = new Map<Item, string>();
        for (const r of b.resources) {
          for (const s of r.scopes)
            s.items = (s.items as (Span | LogRecord)[]).filter((it) => {
              const d = decide(it);
              notes.set(it, d.note);
              return d.keep;
            }) as never[];
          r.scopes = r.scopes.filter((s) => s.items.length);
        }
        b.resources = b.resources.filter((r) => r.scopes.length);
        return notes;
      });
    },
    ['traces', 'logs'],
  );
  return { exports: { input } };
}
