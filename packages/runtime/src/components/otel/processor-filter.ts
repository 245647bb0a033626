// otelcol.processor.filter: items for which any OTTL condition of their context holds are
// dropped (spans, span events, metrics, data points, log records), through the OTTL engine.

import { ottlEngine, type CompiledConditions, type OttlContext } from '../../otel/ottl-engine.js';
import type { Item, Signal } from '../../otel/pdata.js';
import { SimError, stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optString, processor } from './common.js';
import { walk } from './ottl-walk.js';
import { unsupportedReporter } from './processor-transform.js';

const FLAT: [string, Signal, [string, OttlContext][]][] = [
  ['traces', 'traces', [['span', 'span'], ['spanevent', 'spanevent']]],
  ['metrics', 'metrics', [['metric', 'metric'], ['datapoint', 'datapoint']]],
  ['logs', 'logs', [['log_record', 'log']]],
];
const BLOCKS: [string, Signal][] = [
  ['trace_conditions', 'traces'],
  ['metric_conditions', 'metrics'],
  ['log_conditions', 'logs'],
];

export function filterProcessor(ctx: SimContext): Simulator {
  const engine = ottlEngine();
  const unsupported = unsupportedReporter(ctx);
  const errorMode = optString(ctx, 'error_mode') ?? 'propagate';
  const groups: { signal: Signal; context: OttlContext; cond: CompiledConditions; text: string[] }[] = [];
  let count = 0;
  const add = (signal: Signal, context: OttlContext, sources: string[], where: string) => {
    count += sources.length;
    if (!engine || !sources.length) return;
    const c = engine.conditions(context, sources);
    if ('error' in c) throw new SimError(`${where}: ${c.error}`);
    groups.push({ signal, context, cond: c, text: sources });
  };
  for (const [block, signal, fields] of FLAT) {
    const b = ctx.blocks(block)[0];
    if (!b) continue;
    for (const [field, context] of fields) {
      const v = ctx.attr(field, b.body);
      add(signal, context, v && v.t !== 'null' ? stringList(v, `${block}.${field}`) : [], `${block}.${field}`);
    }
  }
  for (const [block, signal] of BLOCKS)
    for (const b of ctx.blocks(block)) {
      const v = ctx.attr('conditions', b.body);
      add(signal, (optString(ctx, 'context', b.body) ?? (signal === 'traces' ? 'span' : signal === 'logs' ? 'log' : 'metric')) as OttlContext, v && v.t !== 'null' ? stringList(v, `${block}.conditions`) : [], `${block}.conditions`);
    }
  const input = processor(ctx, (b) => {
    if (!engine) {
      ctx.flow.otel.step(ctx.id, b, () => {}, 'OTTL not evaluated (no OTTL engine): passed on unchanged');
      return;
    }
    let failed: string | undefined;
    ctx.flow.otel.step(
      ctx.id,
      b,
      () => {
        const notes = new Map<Item, string>();
        for (const g of groups) {
          if (g.signal !== b.signal) continue;
          walk(b, g.context, (t) => {
            const r = g.cond.test(t);
            if (typeof r !== 'boolean') {
              if ('unsupported' in r) unsupported(r.unsupported);
              else if (errorMode === 'propagate') failed = r.error;
              else if (errorMode === 'ignore') ctx.warn(`OTTL error ignored (error_mode ignore): ${r.error}`);
              return true;
            }
            const item = (t.span ?? t.log ?? t.metric) as Item | undefined;
            if (r && item) notes.set(item, `dropped: a ${g.context} condition holds (${g.text.join(' or ')})`);
            return !r;
          });
        }
        return notes;
      },
      undefined,
      'dropped by a filter condition',
    );
    if (failed) {
      ctx.flow.otel.endAll(b, 'dropped', ctx.id, `OTTL error: ${failed}`);
      return null;
    }
  });
  if (!engine) {
    ctx.warn(`${count} OTTL condition(s) not evaluated: the OTTL engine is not available; data passes through unchanged`);
    return { exports: { input }, status: { status: 'not simulated', message: 'OTTL conditions are not evaluated (no OTTL engine); data passes through unchanged' } };
  }
  return { exports: { input } };
}
