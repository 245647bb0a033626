// Relabel rules: Alloy's defaults, decoding checks and validation messages
// (v1.18.1 `rule` blocks, shared by discovery/loki/prometheus relabel components).

import { goQuote } from '@alloy-lint/parser';
import { GoRegexp } from '@alloy-lint/gostd/regexp';

/** A rule as written in a `rule` block; absent fields take Alloy's defaults. */
export interface RelabelRule {
  source_labels?: string[];
  separator?: string;
  regex?: string;
  modulus?: number | bigint;
  target_label?: string;
  replacement?: string;
  action?: string;
}

export type Labels = Record<string, string>;

export type Action =
  | 'replace'
  | 'keep'
  | 'drop'
  | 'hashmod'
  | 'labelmap'
  | 'labeldrop'
  | 'labelkeep'
  | 'lowercase'
  | 'uppercase'
  | 'keepequal'
  | 'dropequal';

const ACTIONS = new Set<string>(['replace', 'keep', 'drop', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase', 'keepequal', 'dropequal']);

/** A decoded, validated rule with its regex compiled (anchored as `^(?s:…)$`). */
export interface CompiledRule {
  sourceLabels: string[] | undefined;
  separator: string;
  regex: GoRegexp;
  /** The regex as written (without the anchoring). */
  regexText: string;
  modulus: bigint;
  targetLabel: string;
  replacement: string;
  action: Action;
}

export const DEFAULT_SEPARATOR = ';';
export const DEFAULT_REGEX = '(.*)';
export const DEFAULT_REPLACEMENT = '$1';

// Target names that may hold `$` references (Prometheus' relabelTarget).
const RELABEL_TARGET = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;

const regexCache = new Map<string, GoRegexp | { error: string }>();

/** Compiles a relabel regex the way Alloy does: `^(?s:<regex>)$`. */
export function compileRelabelRegex(regex: string): GoRegexp | { error: string } {
  let r = regexCache.get(regex);
  if (!r) {
    r = GoRegexp.compile('^(?s:' + regex + ')$');
    if (regexCache.size > 10000) regexCache.clear();
    regexCache.set(regex, r);
  }
  return r;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Label names follow Prometheus' UTF-8 scheme: any non-empty valid UTF-8 string. */
export function isValidLabelName(name: string): boolean {
  return name.length > 0 && !LONE_SURROGATE.test(name);
}

function validate(r: CompiledRule, explicitSourceLabels: boolean): string | undefined {
  const { action, targetLabel, replacement, modulus } = r;
  if (modulus === 0n && action === 'hashmod') return 'relabel configuration for hashmod requires non-zero modulus';
  const needsTarget = action === 'replace' || action === 'hashmod' || action === 'lowercase' || action === 'uppercase' || action === 'keepequal' || action === 'dropequal';
  if (needsTarget && targetLabel === '') return `relabel configuration for ${action} action requires 'target_label' value`;
  const badTarget = `${goQuote(targetLabel)} is invalid 'target_label' for ${action} action`;
  if (action === 'replace') {
    if (!targetLabel.includes('$') && !isValidLabelName(targetLabel)) return badTarget;
    if (targetLabel.includes('$') && !RELABEL_TARGET.test(targetLabel)) return badTarget;
  }
  const caseOrEqual = action === 'lowercase' || action === 'uppercase' || action === 'keepequal' || action === 'dropequal';
  if (caseOrEqual && !isValidLabelName(targetLabel)) return badTarget;
  if (caseOrEqual && replacement !== DEFAULT_REPLACEMENT) return `'replacement' can not be set for ${action} action`;
  if (action === 'labelmap' && !RELABEL_TARGET.test(replacement)) {
    return `${goQuote(replacement)} is invalid 'replacement' for ${action} action`;
  }
  if (action === 'hashmod' && !isValidLabelName(targetLabel)) return badTarget;
  if (action === 'labeldrop' || action === 'labelkeep') {
    if (explicitSourceLabels || targetLabel !== '' || modulus !== 0n || r.separator !== DEFAULT_SEPARATOR || replacement !== DEFAULT_REPLACEMENT) {
      return `${action} action requires only 'regex', and no other fields`;
    }
  }
  if (action === 'keepequal' || action === 'dropequal') {
    if (r.regexText !== DEFAULT_REGEX || modulus !== 0n || r.separator !== DEFAULT_SEPARATOR || replacement !== DEFAULT_REPLACEMENT) {
      return `${action} action requires only 'source_labels' and 'target_label', and no other fields`;
    }
  }
  return undefined;
}

/** Decodes and validates one rule; the error text is Alloy's. */
export function compileRule(rule: RelabelRule): CompiledRule | { error: string } {
  const action = rule.action ?? 'replace';
  if (!ACTIONS.has(action)) return { error: `${goQuote(action)} unrecognized action type ${goQuote(action)}` };
  const regexText = rule.regex ?? DEFAULT_REGEX;
  const regex = compileRelabelRegex(regexText);
  if (!(regex instanceof GoRegexp)) return { error: `${goQuote(regexText)} ${regex.error}` };
  let modulus: bigint;
  try {
    modulus = BigInt(rule.modulus ?? 0);
  } catch {
    return { error: `invalid modulus ${String(rule.modulus)}` };
  }
  if (modulus < 0n || modulus >= 1n << 64n) return { error: `modulus ${modulus} out of range for uint64` };
  const compiled: CompiledRule = {
    sourceLabels: rule.source_labels,
    separator: rule.separator ?? DEFAULT_SEPARATOR,
    regex,
    regexText,
    modulus,
    targetLabel: rule.target_label ?? '',
    replacement: rule.replacement ?? DEFAULT_REPLACEMENT,
    action: action as Action,
  };
  const err = validate(compiled, rule.source_labels != null);
  return err ? { error: err } : compiled;
}

/** Decodes and validates every rule before any is used; the first failing rule gives the message. */
export function compileRules(rules: RelabelRule[]): { rules: CompiledRule[] } | { error: string } {
  const out: CompiledRule[] = [];
  for (const rule of rules) {
    const c = compileRule(rule);
    if ('error' in c) return c;
    out.push(c);
  }
  return { rules: out };
}
