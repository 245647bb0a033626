// otelcol.processor.attributes: the `action`s applied to span, log record and metric data
// point attributes, skipping items `include` does not match or `exclude` does.

import type { Batch, Item, LogRecord, Metric, Resource, Scope, Signal, Span } from '../../otel/pdata.js';
import type { SimContext, Simulator } from '../api.js';
import { applyActions, compileActions } from './attr-actions.js';
import { processor } from './common.js';
import { logMatches, metricMatches, readMatch, spanMatches, type MatchProps } from './match-properties.js';

type Matcher = (it: Item, r: Resource, s: Scope) => boolean;

function matcherFor(signal: Signal, p: MatchProps): Matcher {
  if (signal === 'traces') return (it, r, s) => spanMatches(p, it as Span, r, s);
  if (signal === 'logs') return (it, r, s) => logMatches(p, it as LogRecord, r, s);
  return (it, r, s) => metricMatches(p, it as Metric, r, s);
}

export function attributesProcessor(ctx: SimContext): Simulator {
  const actions = compileActions(ctx, ctx.blocks('action'));
  const inc = ctx.blocks('include')[0];
  const exc = ctx.blocks('exclude')[0];
  const filters = new Map<Signal, { inc?: MatchProps; exc?: MatchProps }>();
  for (const signal of ['traces', 'logs', 'metrics'] as Signal[])
    filters.set(signal, { inc: inc && readMatch(ctx, inc, signal, 'include'), exc: exc && readMatch(ctx, exc, signal, 'exclude') });
  const input = processor(ctx, (b: Batch, info) => {
    const f = filters.get(b.signal)!;
    const incM = f.inc && matcherFor(b.signal, f.inc);
    const excM = f.exc && matcherFor(b.signal, f.exc);
    ctx.flow.otel.step(ctx.id, b, () => {
      const notes = new Map<Item, string>();
      for (const r of b.resources)
        for (const s of r.scopes)
          for (const it of s.items) {
            if (incM && !incM(it, r.resource, s.scope)) {
              notes.set(it, 'skipped: include does not match');
              continue;
            }
            if (excM && excM(it, r.resource, s.scope)) {
              notes.set(it, 'skipped: exclude matches');
              continue;
            }
            if ('dataPoints' in it) {
              const attrMatch = f.inc?.attributes.length || f.exc?.attributes.length;
              for (const p of it.dataPoints) if (!attrMatch || pointSelected(f, p.attributes)) applyActions(actions, p.attributes, info);
            } else applyActions(actions, it.attributes, info);
          }
      return notes;
    });
  });
  return { exports: { input } };
}

function pointSelected(f: { inc?: MatchProps; exc?: MatchProps }, attrs: Map<string, unknown>): boolean {
  const ok = (ms: MatchProps['attributes']) => ms.every((m) => attrs.has(m.key) && (m.re ? typeof attrs.get(m.key) === 'string' && m.re.test(attrs.get(m.key) as string) : m.value === undefined || attrs.get(m.key) === m.value));
  if (f.inc?.attributes.length && !ok(f.inc.attributes)) return false;
  if (f.exc?.attributes.length && ok(f.exc.attributes)) return false;
  return true;
}
