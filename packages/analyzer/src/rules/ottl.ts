import { check, fromAlloyString, type OttlProblem, type OttlRule } from '@alloy-lint/ottl';
import type { FileDiagnostic } from '../diagnostic.js';
import { ottlSites, OTTL_COMPONENTS } from '../ottl-sites.js';
import { closest } from '../suggest.js';
import type { ConfigGraph } from '../validate.js';
import type { Rule, RuleContext } from './types.js';

type Found = Omit<FileDiagnostic, 'severity' | 'code'> & { rule: OttlRule };

/** Every OTTL problem of a configuration, computed once and shared by the four rules. */
const cache = new WeakMap<ConfigGraph, Found[]>();

function findAll(graph: ConfigGraph): Found[] {
  let found = cache.get(graph);
  if (found) return found;
  found = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'component' || node.custom || !OTTL_COMPONENTS.has(node.name)) continue;
    for (const site of ottlSites(node)) {
      const mapped = fromAlloyString(site.literal.raw, site.literal.start);
      if (!mapped) continue; // not a valid string: the Alloy parser already reports it
      for (const p of check(site.kind, mapped.text, site.target, { host: site.host }).problems) {
        found.push({ rule: p.rule, file: site.file, message: withHint(p), start: mapped.toSource(p.start), end: Math.max(mapped.toSource(p.end), mapped.toSource(p.start) + 1) });
      }
    }
  }
  cache.set(graph, found);
  return found;
}

function withHint(p: OttlProblem): string {
  if (!p.candidates?.length) return p.message;
  const name = /(?:unknown OTTL \w+|unknown enum|unknown path segment) "?([A-Za-z_0-9]+)"?/.exec(p.message)?.[1];
  const best = name && closest(name, p.candidates);
  if (best) return `${p.message}; did you mean ${best}?`;
  return p.rule === 'ottl-unknown-path' && p.candidates.length <= 30 ? `${p.message} (known: ${p.candidates.join(', ')})` : p.message;
}

const rule = (id: OttlRule, severity: Rule['severity'], description: string): Rule => ({
  id,
  severity,
  description,
  check(ctx: RuleContext) {
    for (const f of findAll(ctx.graph)) if (f.rule === id) ctx.report({ file: f.file, message: f.message, start: f.start, end: f.end });
  },
});

/** OTTL statements and conditions of otelcol components, which `alloy validate` does not read. */
export const ottlRules: Rule[] = [
  rule('ottl-syntax', 'error', 'An OTTL statement or condition (transform, filter, tail_sampling, count, signaltometrics) that does not parse.'),
  rule('ottl-unknown-function', 'warning', 'An OTTL editor or converter that does not exist, or not in that context.'),
  rule('ottl-unknown-path', 'warning', 'An OTTL path or enum the context does not know (`span.nme`, `attributes` in the metric context).'),
  rule('ottl-arity', 'warning', 'An OTTL function called with too few or too many arguments.'),
];
