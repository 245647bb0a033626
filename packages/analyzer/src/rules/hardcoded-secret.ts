import type { Rule } from './types.js';

/**
 * A secret written into the config in clear text. It runs inside the type checker's walk
 * (typecheck.ts), which already knows each attribute's type; this entry gives the rule its
 * id, severity and docs.
 */
export const hardcodedSecret: Rule = {
  id: 'hardcoded-secret',
  severity: 'warning',
  description: 'A secret-typed argument set to a string literal; read it from the environment or a secret store instead.',
  check() {},
};
