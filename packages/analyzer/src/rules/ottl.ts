import { check, fromAlloyString, type OttlProblem, type OttlRule } from '@alloy-lint/ottl';
import type { FileDiagnostic } from '../diagnostic.js';
import { ottlSites, OTTL_COMPONENTS } from '../ottl-sites.js';
import { closest } from '../suggest.js';
import type { GraphNode } from '../graph-types.js';
import type { Rule } from './types.js';

type Found = Omit<FileDiagnostic, 'severity' | 'code'> & { rule: OttlRule };

/** Every OTTL problem of a component, computed once and shared by the four rules. */
const cache = new WeakMap<GraphNode, Found[]>();

function findAll(node: GraphNode): Found[] {
  let found = cache.get(node);
  if (found) return found;
  found = [];
  for (const site of ottlSites(node)) {
    const mapped = fromAlloyString(site.literal.raw, site.literal.start);
    if (!mapped) continue; // not a valid string: the Alloy parser already reports it
    for (const p of check(site.kind, mapped.text, site.target, { host: site.host }).problems) {
      found.push({ rule: p.rule, file: site.file, message: withHint(p), start: mapped.toSource(p.start), end: Math.max(mapped.toSource(p.end), mapped.toSource(p.start) + 1) });
    }
  }
  cache.set(node, found);
  return found;
}

function withHint(p: OttlProblem): string {
  if (!p.candidates?.length) return p.message;
  const name = /(?:unknown OTTL \w+|unknown enum|unknown path segment) "?([A-Za-z_0-9]+)"?/.exec(p.message)?.[1];
  const best = name && closest(name, p.candidates);
  if (best) return `${p.message}; did you mean ${best}?`;
  return p.rule === 'ottl-unknown-path' && p.candidates.length <= 30 ? `${p.message} (known: ${p.candidates.join(', ')})` : p.message;
}

const rule = (id: OttlRule, severity: Rule['severity'], description: string, docs: string): Rule => ({
  id,
  severity,
  origin: 'lint',
  refusedByAlloy: false,
  description,
  docs,
  checks: {
    component({ node, spec }, ctx) {
      if (!spec || !OTTL_COMPONENTS.has(node.name)) return;
      for (const f of findAll(node)) if (f.rule === id) ctx.report({ file: f.file, message: f.message, start: f.start, end: f.end });
    },
  },
});

const DOCS = 'OTTL is parsed when the otelcol component starts, so `alloy validate` does not read it; the problem is reported at its bytes inside the Alloy string.';

/** OTTL statements and conditions of otelcol components, which `alloy validate` does not read. */
export const ottlRules: Rule[] = [
  rule('ottl-syntax', 'error', 'An OTTL statement or condition (transform, filter, tail_sampling, count, signaltometrics) that does not parse.', DOCS),
  rule('ottl-unknown-function', 'warning', 'An OTTL editor or converter that does not exist, or not in that context.', DOCS),
  rule('ottl-unknown-path', 'warning', 'An OTTL path or enum the context does not know (`span.nme`, `attributes` in the metric context).', DOCS),
  rule('ottl-arity', 'warning', 'An OTTL function called with too few or too many arguments.', DOCS),
];
