// Relabeling with Alloy v1.18.1 semantics (Prometheus' model/relabel as Alloy uses it).

export { compileRules, compileRule, compileRelabelRegex, isValidLabelName, type RelabelRule, type CompiledRule, type Labels, type Action } from './rules.js';
export { relabel, relabelTrace, hashmod, type RelabelStep } from './apply.js';
export { rulesFromBlocks, toValue } from './blocks.js';
// Go's regexp and case mapping, re-exported for callers of this package (they live in @alloy-lint/gostd).
export { toLower as goToLower, toUpper as goToUpper } from '@alloy-lint/gostd';
export { GoRegexp, quoteMeta } from '@alloy-lint/gostd/regexp';
