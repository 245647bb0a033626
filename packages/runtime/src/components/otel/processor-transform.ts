// otelcol.processor.transform: OTTL statements run on every item of their context (when
// one of the block's conditions holds), through the OTTL engine. error_mode propagate
// drops the batch on an error, ignore and silent go on.

import { ottlEngine, type CompiledConditions, type CompiledStatements, type OttlContext, type OttlFailure } from '../../otel/ottl-engine.js';
import type { Signal } from '../../otel/pdata.js';
import { SimError, stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optString, processor } from './common.js';
import { walk } from './ottl-walk.js';

interface Group {
  signal: Signal;
  statements: CompiledStatements;
  conditions?: CompiledConditions;
  errorMode: string;
}

const BLOCKS: [string, Signal, string][] = [
  ['trace_statements', 'traces', 'trace'],
  ['metric_statements', 'metrics', 'metric'],
  ['log_statements', 'logs', 'log'],
];

/** Warns once per OTTL function the engine does not simulate. */
export function unsupportedReporter(ctx: SimContext): (fn: string) => void {
  const seen = new Set<string>();
  return (fn) => {
    if (seen.has(fn)) return;
    seen.add(fn);
    ctx.warn(`OTTL function ${fn} is not simulated: statements and conditions using it are skipped (items pass on unchanged)`);
  };
}

export function transformProcessor(ctx: SimContext): Simulator {
  const engine = ottlEngine();
  const unsupported = unsupportedReporter(ctx);
  const errorMode = optString(ctx, 'error_mode') ?? 'propagate';
  const groups: Group[] = [];
  const list = (name: string, body: Parameters<SimContext['attr']>[1]) => {
    const v = ctx.attr(name, body);
    return v && v.t !== 'null' ? stringList(v, name) : [];
  };
  let count = 0;
  for (const [block, signal, flat] of BLOCKS) {
    for (const b of ctx.blocks(block)) {
      const sources = list('statements', b.body);
      count += sources.length;
      if (!engine) continue;
      const context = (optString(ctx, 'context', b.body) ?? '') as OttlContext;
      const st = engine.statements(context || undefined, sources, signal);
      if ('error' in st) throw new SimError(`${block}: ${st.error}`);
      const condSources = list('conditions', b.body);
      const cond = condSources.length ? engine.conditions(st.context, condSources) : undefined;
      if (cond && 'error' in cond) throw new SimError(`${block}.conditions: ${cond.error}`);
      groups.push({ signal, statements: st, conditions: cond, errorMode: optString(ctx, 'error_mode', b.body) ?? errorMode });
    }
    const flatBlock = ctx.blocks('statements')[0];
    const sources = flatBlock ? list(flat, flatBlock.body) : [];
    count += sources.length;
    // The flat form: each statement runs in the context its paths name.
    for (const src of engine ? sources : []) {
      const st = engine!.statements(undefined, [src], signal);
      if ('error' in st) throw new SimError(`statements.${flat}: ${st.error}`);
      groups.push({ signal, statements: st, errorMode });
    }
  }
  const input = processor(ctx, (b) => {
    if (!engine) {
      ctx.flow.otel.step(ctx.id, b, () => {}, 'OTTL not evaluated (no OTTL engine): passed on unchanged');
      return;
    }
    let failed: string | undefined;
    const fail = (f: OttlFailure, mode: string) => {
      if ('unsupported' in f) unsupported(f.unsupported);
      else if (mode === 'propagate') failed = f.error;
      else if (mode === 'ignore') ctx.warn(`OTTL error ignored (error_mode ignore): ${f.error}`);
    };
    ctx.flow.otel.step(ctx.id, b, () => {
      for (const g of groups) {
        if (g.signal !== b.signal || failed) continue;
        walk(b, g.statements.context, (t) => {
          if (g.conditions) {
            const c = g.conditions.test(t);
            if (typeof c !== 'boolean') {
              fail(c, g.errorMode);
              return true;
            }
            if (!c) return true;
          }
          const f = g.statements.run(t);
          if (f) fail(f, g.errorMode);
          return true;
        });
      }
    });
    if (failed) {
      ctx.warn(`a batch was dropped (error_mode propagate): ${failed}`);
      ctx.flow.otel.endAll(b, 'dropped', ctx.id, `OTTL error: ${failed}`);
      return null;
    }
  });
  if (!engine) {
    ctx.warn(`${count} OTTL statement(s) not evaluated: the OTTL engine is not available; data passes through unchanged`);
    return { exports: { input }, status: { status: 'not simulated', message: 'OTTL statements are not evaluated (no OTTL engine); data passes through unchanged' } };
  }
  return { exports: { input } };
}
