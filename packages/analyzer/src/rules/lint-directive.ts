import type { Rule } from './types.js';

/** A comment directive that cannot do what it says (reported while applying directives). */
export const lintDirective: Rule = {
  id: 'lint-directive',
  severity: 'warning',
  origin: 'lint',
  refusedByAlloy: false,
  description: 'An `alloy-lint-disable` comment that names an unknown rule, or a rule that cannot be silenced because Alloy refuses the problem.',
  docs: 'Comments silence our own advice only: what makes Alloy refuse the configuration stays an error, since Alloy would refuse it anyway. Rule ids are listed by `alloy-lint rules`.',
};
