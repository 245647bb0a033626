// Indexes a release's rules.json by where each check runs, in the shapes the specs carry.
import type { ReleaseRule, ReleaseRules } from './rule-types.js';
import type { ArgumentRule, RegexRule, TextRule } from './spec-types.js';

/** The key of a place in a component: `name` for its arguments, `name:a.b` below. */
export const ruleKey = (name: string, path: readonly string[]): string => (path.length ? `${name}:${path.join('.')}` : name);

/** Kinds a checker can apply from the data alone (the rest need Alloy's code or the environment). */
const BLOCK_KINDS = new Set<ReleaseRule['kind']>(['mutually_exclusive', 'at_least_one', 'one_of_required', 'requires', 'non_empty', 'range', 'allowed_values']);

export interface RuleIndex {
  text: Map<string, TextRule>;
  regex: Map<string, RegexRule>;
  args: Map<string, ArgumentRule[]>;
}

export const EMPTY_RULES: RuleIndex = { text: new Map(), regex: new Map(), args: new Map() };

function argumentRule(r: ReleaseRule): ArgumentRule {
  const out: ArgumentRule = { kind: r.kind, fields: r.fields, message: r.message, phase: r.phase, upstream: r.upstream };
  if (r.values) out.values = r.values;
  if (r.min !== undefined) out.min = r.min;
  if (r.max !== undefined) out.max = r.max;
  if (r.minExclusive) out.minExclusive = true;
  if (r.maxExclusive) out.maxExclusive = true;
  return out;
}

/** Checks the shape of a parsed rules.json and indexes it. */
export function indexRules(data: unknown, version: string): RuleIndex {
  const rr = data as ReleaseRules;
  if (!rr || !Array.isArray(rr.rules)) throw new Error(`rules.json of Alloy ${version}: expected {version, rules: [...]}`);
  if (rr.version !== version) throw new Error(`rules.json is for Alloy ${rr.version}, not ${version}`);
  const idx: RuleIndex = { text: new Map(), regex: new Map(), args: new Map() };
  for (const r of rr.rules) {
    const decodeText = r.via === 'UnmarshalText' || r.via === 'UnmarshalAlloy';
    if (r.applies === 'value') {
      if (r.kind === 'allowed_values' && decodeText && r.message && r.values) {
        const rule: TextRule = { values: r.values.map(String), message: r.message, caseInsensitive: r.caseInsensitive === true };
        for (const k of r.at) idx.text.set(k, rule);
      } else if (r.kind === 'regex_compiles') {
        const rule: RegexRule = { anchored: r.anchored === true, decode: r.via === 'UnmarshalText' };
        for (const k of r.at) idx.regex.set(k, rule);
      }
      continue;
    }
    if (!BLOCK_KINDS.has(r.kind) || r.condition || decodeText || !r.message) continue;
    const rule = argumentRule(r);
    for (const k of r.at) {
      const list = idx.args.get(k);
      if (list) list.push(rule);
      else idx.args.set(k, [rule]);
    }
  }
  return idx;
}
