// The OTTL engine over the `ottl` package: each text is checked once as contrib would load it
// (a syntax error, an unknown function or path, a wrong argument count fails the component),
// then evaluated per item on the pdata objects, which the package's model takes as they are.

import { check, evaluateCondition, evaluateStatement, type ContextName, type Statement, type BoolExpr, type Telemetry } from '@alloy-lint/ottl';
import type { Signal } from './pdata.js';
import type { CompiledConditions, CompiledStatements, OttlContext, OttlEngine, OttlFailure, OttlTarget } from './ottl-types.js';

const SIGNAL = { traces: 'trace', metrics: 'metric', logs: 'log' } as const;

function failure(o: { error?: string; unsupported?: string }): OttlFailure | undefined {
  if (o.unsupported) return { unsupported: o.unsupported };
  if (o.error) return { error: o.error };
  return undefined;
}

const data = (t: OttlTarget) => t as unknown as Telemetry;

export const ottlAdapter: OttlEngine = {
  statements(context: OttlContext | undefined, sources: string[], signal: Signal): CompiledStatements | { error: string } {
    const compiled: { ast: Statement; context: ContextName }[] = [];
    for (const text of sources) {
      const r = check<Statement>('statement', text, context ? { context } : { signal: SIGNAL[signal] }, { host: 'transform' });
      if (r.problems.length || !r.ast || !r.context) return { error: `unable to parse OTTL statement ${JSON.stringify(text)}: ${r.problems[0]?.message ?? 'no context'}` };
      compiled.push({ ast: r.ast, context: r.context });
    }
    const ctx = (context ?? compiled[0]?.context ?? 'resource') as OttlContext;
    if (!context && compiled.some((c) => c.context !== ctx)) return { error: 'statements of one group run in different contexts; give them one at a time' };
    return {
      context: ctx,
      run(t) {
        for (const c of compiled) {
          const f = failure(evaluateStatement(c.ast, c.context, data(t), { inferred: !context }));
          if (f) return f;
        }
        return undefined;
      },
    };
  },
  conditions(context: OttlContext, sources: string[]): CompiledConditions | { error: string } {
    const compiled: BoolExpr[] = [];
    for (const text of sources) {
      const r = check<BoolExpr>('condition', text, { context }, { host: 'filter' });
      if (r.problems.length || !r.ast) return { error: `unable to parse OTTL condition ${JSON.stringify(text)}: ${r.problems[0]?.message ?? ''}` };
      compiled.push(r.ast);
    }
    return {
      test(t) {
        for (const ast of compiled) {
          const o = evaluateCondition(ast, context, data(t));
          const f = failure(o);
          if (f) return f;
          if (o.value) return true;
        }
        return false;
      },
    };
  },
};
