import { loadSchemaCatalog } from '@alloy-lint/schemas/node';

/** The committed v1.18.1 schemas. */
export const v1181 = loadSchemaCatalog('v1.18.1');
