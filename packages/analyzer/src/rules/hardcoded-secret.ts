import { stringValue } from '../literal.js';
import { isSecretPlaceholder } from '../secret-placeholder.js';
import type { Rule } from './types.js';

/** A secret written into the config in clear text. */
export const hardcodedSecret: Rule = {
  id: 'hardcoded-secret',
  severity: 'warning',
  origin: 'lint',
  refusedByAlloy: false,
  description: 'A secret-typed argument set to a string literal (documented placeholders such as <PASSWORD>, ${TOKEN} or changeme are not reported); read it from the environment or a secret store instead.',
  docs: 'Configs end up in repositories and pull requests. Read secrets with `sys.env("NAME")`, `local.file` (with `is_secret = true`) or `remote.kubernetes.secret`.',
  checks: {
    attribute({ file, attribute: a, spec }, ctx) {
      const v = a.value;
      if (spec.type !== 'secret' || v.kind !== 'Literal' || v.litKind !== 'STRING' || v.raw.length <= 2) return;
      const value = stringValue(v);
      if (value === undefined || isSecretPlaceholder(value)) return;
      ctx.report({
        file,
        start: v.start,
        end: v.end,
        message: `${a.name.name} is a secret written in clear text; use sys.env("…"), local.file or remote.kubernetes.secret`,
      });
    },
  },
};
