import type { FileDiagnostic } from '../diagnostic.js';
import type { ComponentCatalog, Severity } from '../schema.js';
import type { ConfigGraph } from '../validate.js';
import { argumentChecks } from './argument-checks.js';
import { emptyForwardTo } from './empty-forward-to.js';
import { hardcodedSecret } from './hardcoded-secret.js';
import { noInputs } from './no-inputs.js';
import { ottlRules } from './ottl.js';
import type { Rule } from './types.js';
import { unusedOutput } from './unused-output.js';

export type { Rule } from './types.js';

/** Every rule beyond Alloy's own checks, by id. */
export const RULES: Rule[] = [argumentChecks, noInputs, unusedOutput, emptyForwardTo, hardcodedSecret, ...ottlRules];

/** Runs the rules whose severity is not `off`. */
export function runRules(graph: ConfigGraph, catalog: ComponentCatalog, module: boolean, severities: Record<string, Severity | 'off'>): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const rule of RULES) {
    const severity = severities[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    rule.check({ graph, catalog, module, report: (d) => out.push({ ...d, code: rule.id, severity }) });
  }
  return out;
}
