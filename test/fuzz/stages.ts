// Runs one input through every stage a config meets: parse, format, check (analyze), the graph
// model and its text renderers, the runner (valid configs only: it refuses the others, as Alloy
// does) and evaluation of every attribute. Any exception, and any
// "internal error" a stage turns an exception into, is a failure.
import { analyze } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { printFile } from '@alloy-lint/formatter';
import { buildGraph, toDot, toJson, toMermaid } from '@alloy-lint/graph';
import { type Expr, parse, walk } from '@alloy-lint/parser';
import { memoryHost, run } from '@alloy-lint/runtime';
import { evaluate } from '@alloy-lint/values';

const catalog = loadSchemaCatalog('v1.18.1');

export const STAGES = ['parse', 'format', 'check', 'graph', 'run', 'evaluate'] as const;
export type Stage = (typeof STAGES)[number];

export interface Outcome {
  /** `stage: message` for each exception or internal error. */
  failures: string[];
  ms: Record<Stage, number>;
  diagnostics: number;
}

const INTERNAL = /internal error|Maximum call stack|RangeError/;

export function runStages(text: string): Outcome {
  const ms = { parse: 0, format: 0, check: 0, graph: 0, run: 0, evaluate: 0 };
  const failures: string[] = [];
  let diagnostics = 0;
  const time = <T>(stage: Stage, f: () => T): T | undefined => {
    const t0 = performance.now();
    try {
      return f();
    } catch (e) {
      failures.push(`${stage}: ${(e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(e)}`);
      return undefined;
    } finally {
      ms[stage] += performance.now() - t0;
    }
  };
  const parsed = time('parse', () => parse(text, 'fuzz.alloy'));
  if (parsed && parsed.diagnostics.length === 0) time('format', () => printFile(parsed.ast, parsed.source));
  const analysis = time('check', () => analyze([{ name: 'fuzz.alloy', text }], { catalog }));
  if (analysis) {
    diagnostics = analysis.diagnostics.length;
    for (const d of analysis.diagnostics) if (INTERNAL.test(d.message)) failures.push(`check: diagnostic ${d.code}: ${d.message.slice(0, 200)}`);
    if (analysis.graph) {
      time('graph', () => {
        const model = buildGraph(analysis, catalog);
        toJson(model);
        toDot(model);
        toMermaid(model);
      });
    }
    const result = time('run', () => run(analysis, { catalog, host: memoryHost({ '/x': 'a\nb\n' }) }));
    for (const m of [...(result?.diagnostics.map((d) => d.message) ?? []), ...(result?.warnings ?? [])]) if (INTERNAL.test(m)) failures.push(`run: ${m.slice(0, 200)}`);
  }
  if (parsed) {
    time('evaluate', () => {
      const values: Expr[] = [];
      walk(parsed.ast, {
        enter(n) {
          if ('kind' in n && n.kind === 'Attribute') values.push(n.value);
        },
      });
      for (const e of values) {
        const r = evaluate(e, undefined, { source: parsed.source, env: {} });
        if (r.error && INTERNAL.test(r.error.message)) throw new Error(`evaluate: ${r.error.message.slice(0, 200)}`);
      }
    });
  }
  return { failures, ms, diagnostics };
}

export const total = (o: Outcome) => STAGES.reduce((s, k) => s + o.ms[k], 0);
