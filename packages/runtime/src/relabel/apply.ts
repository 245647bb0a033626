// Applying compiled relabel rules to a label set, with Alloy's label builder
// semantics: an empty value means the label is absent, and setting "" deletes.

import { createHash } from 'node:crypto';
import type { CompiledRule, Labels } from './rules.js';
import { isValidLabelName } from './rules.js';
import { toLower as goToLower, toUpper as goToUpper } from '@alloy-lint/gostd';

export interface RelabelStep {
  /** Index of the rule in the list. */
  rule: number;
  action: string;
  before: Labels;
  /** Labels after the rule, or null when the rule dropped the target. */
  after: Labels | null;
}

/** Copies `labels` without the entries whose value is empty. */
function cleanCopy(labels: Labels): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of Object.keys(labels)) {
    const v = labels[k];
    if (v !== '' && v != null) m.set(k, v);
  }
  return m;
}

function toRecord(m: Map<string, string>): Labels {
  const out: Labels = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

function setLabel(m: Map<string, string>, name: string, value: string): void {
  if (value === '') m.delete(name);
  else m.set(name, value);
}

/** MD5 of `val`, bytes 8..15 as a big-endian uint64, modulo `mod`. */
export function hashmod(val: string, mod: bigint): bigint {
  const d = createHash('md5').update(val, 'utf8').digest();
  return d.readBigUInt64BE(8) % mod;
}

/** Applies one rule in place; returns false when the target is dropped. */
function applyRule(r: CompiledRule, m: Map<string, string>): boolean {
  let val = '';
  const src = r.sourceLabels;
  if (src && src.length > 0) {
    val = m.get(src[0]) ?? '';
    for (let i = 1; i < src.length; i++) val += r.separator + (m.get(src[i]) ?? '');
  }
  switch (r.action) {
    case 'drop':
      return !r.regex.test(val);
    case 'keep':
      return r.regex.test(val);
    case 'dropequal':
      return (m.get(r.targetLabel) ?? '') !== val;
    case 'keepequal':
      return (m.get(r.targetLabel) ?? '') === val;
    case 'replace': {
      const idx = r.regex.findSubmatchIndex(val);
      if (!idx) break;
      const target = r.regex.expand(r.targetLabel, val, idx);
      if (!isValidLabelName(target)) break;
      setLabel(m, target, r.regex.expand(r.replacement, val, idx));
      break;
    }
    case 'lowercase':
      setLabel(m, r.targetLabel, goToLower(val));
      break;
    case 'uppercase':
      setLabel(m, r.targetLabel, goToUpper(val));
      break;
    case 'hashmod':
      setLabel(m, r.targetLabel, hashmod(val, r.modulus).toString());
      break;
    case 'labelmap':
      for (const [name, value] of [...m]) {
        if (!r.regex.test(name)) continue;
        const res = r.regex.replaceAll(name, r.replacement);
        if (res !== '') setLabel(m, res, value);
      }
      break;
    case 'labeldrop':
      for (const name of [...m.keys()]) if (r.regex.test(name)) m.delete(name);
      break;
    case 'labelkeep':
      for (const name of [...m.keys()]) if (!r.regex.test(name)) m.delete(name);
      break;
  }
  return true;
}

/** Applies `rules` in order; null when a keep/drop rule drops the target. Empty values count as absent. */
export function relabel(rules: CompiledRule[], labels: Labels): Labels | null {
  const m = cleanCopy(labels);
  for (const r of rules) if (!applyRule(r, m)) return null;
  return toRecord(m);
}

/** Like `relabel`, recording the labels before and after every rule that ran. */
export function relabelTrace(rules: CompiledRule[], labels: Labels): { result: Labels | null; steps: RelabelStep[] } {
  const m = cleanCopy(labels);
  const steps: RelabelStep[] = [];
  for (let i = 0; i < rules.length; i++) {
    const before = toRecord(m);
    const keep = applyRule(rules[i], m);
    steps.push({ rule: i, action: rules[i].action, before, after: keep ? toRecord(m) : null });
    if (!keep) return { result: null, steps };
  }
  return { result: toRecord(m), steps };
}
