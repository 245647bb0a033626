// Relabeling with Alloy v1.18.1 semantics (Prometheus' model/relabel as Alloy uses it).

export { compileRules, compileRule, compileRelabelRegex, isValidLabelName, type RelabelRule, type CompiledRule, type Labels, type Action } from './rules.js';
export { relabel, relabelTrace, hashmod, type RelabelStep } from './apply.js';
export { rulesFromBlocks, toValue } from './blocks.js';
export { GoRegexp, quoteMeta } from './goregex.js';
export { goToLower, goToUpper } from './unicase.js';
