// `rule` blocks and `relabel_rules` values shared by the relabeling components.

import type { Block } from '@alloy-lint/parser';
import type { Value } from '@alloy-lint/values';
import { compileRules, relabel, relabelTrace, rulesFromBlocks, type CompiledRule } from '../engines.js';
import type { RuleStep } from '../report.js';
import type { Labels } from '../samples.js';
import { handle, payloadOf, SimError } from '../value-js.js';
import type { SimContext } from './api.js';

export const RULES_TYPE = 'relabel.Rules';

export function compileBlocks(ctx: SimContext, blocks: Block[]): CompiledRule[] {
  const decoded = rulesFromBlocks(blocks, (e) => ctx.evaluate(e));
  if ('error' in decoded) throw new SimError(`rule: ${decoded.error}`);
  const compiled = compileRules(decoded.rules);
  if ('error' in compiled) throw new SimError(`rule: ${compiled.error}`);
  return compiled.rules;
}

export function rulesValue(rules: CompiledRule[]): Value {
  return handle(RULES_TYPE, rules);
}

/** A `relabel_rules` attribute (the `rules` export of a relabel component). */
export function rulesOf(v: Value | undefined, what = 'relabel_rules'): CompiledRule[] {
  if (v === undefined || v.t === 'null') return [];
  const r = payloadOf<CompiledRule[]>(v, RULES_TYPE);
  if (r && !Array.isArray(r)) throw new SimError(`${what}: the rules come from a component that is not simulated`);
  if (!r) throw new SimError(`${what}: expected capsule("${RULES_TYPE}"), got ${v.t}`);
  return r;
}

/** Applies rules, with the rule-by-rule steps when tracing. */
export function applyRules(rules: CompiledRule[], labels: Labels, trace: boolean): { result: Labels | null; steps?: RuleStep[] } {
  if (!trace) return { result: relabel(rules, labels) };
  const t = relabelTrace(rules, labels);
  return { result: t.result, steps: t.steps as RuleStep[] };
}
