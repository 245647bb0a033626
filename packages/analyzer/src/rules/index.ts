import { ALLOY_RULES } from './alloy.js';
import { argumentChecks } from './argument-checks.js';
import { emptyForwardTo } from './empty-forward-to.js';
import { hardcodedSecret } from './hardcoded-secret.js';
import { importNotChecked } from './import-not-checked.js';
import { lintDirective } from './lint-directive.js';
import { noInputs } from './no-inputs.js';
import { ottlRules } from './ottl.js';
import { RuleRegistry } from './rule-registry.js';
import type { Rule } from './types.js';
import { unusedOutput } from './unused-output.js';

export type { AttributeNode, BlockNode, Checks, ComponentNode, ConfigNode, Finding, NodeKind, Rule, RuleContext, RuleOrigin } from './types.js';
export { RuleRegistry, type Dispatch, type RuleSetting, type RuleSettings, type SettingProblem } from './rule-registry.js';

/** Our rules beyond Alloy's validator, one file each. Add a new rule's file here. */
export const LINT_RULES: Rule[] = [argumentChecks, noInputs, unusedOutput, emptyForwardTo, hardcodedSecret, importNotChecked, lintDirective, ...ottlRules];

/** Every rule: Alloy's own checks and ours. */
export const RULES: Rule[] = [...ALLOY_RULES, ...LINT_RULES];

/** The registry `analyze` uses unless given another; to add rules, build a new one: `new RuleRegistry([...RULES, mine])`. */
export const DEFAULT_REGISTRY: RuleRegistry = new RuleRegistry(RULES);
