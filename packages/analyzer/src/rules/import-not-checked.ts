import type { Rule } from './types.js';

/** An imported module the checker could not look into (reported by the module loader). */
export const importNotChecked: Rule = {
  id: 'import-not-checked',
  severity: 'info',
  origin: 'lint',
  refusedByAlloy: false,
  description: 'An import.git or import.http module that was not fetched, so its components are not checked.',
  docs: 'Without `--allow-network` remote modules are not fetched; the components they declare are then accepted unchecked.',
};
