// Which OTTL implementation the runtime uses: the `ottl` package by default (ottl-adapter.ts);
// tests may install another, or none (the components then say OTTL is not evaluated).

import { ottlAdapter } from './ottl-adapter.js';
import type { OttlEngine } from './ottl-types.js';

export type { CompiledConditions, CompiledStatements, OttlContext, OttlEngine, OttlFailure, OttlTarget } from './ottl-types.js';

let engine: OttlEngine | undefined = ottlAdapter;

/** Installs the OTTL implementation the runtime uses; `undefined` for none; `'default'` for the ottl package. */
export function setOttlEngine(e: OttlEngine | undefined | 'default'): void {
  engine = e === 'default' ? ottlAdapter : e;
}

export function ottlEngine(): OttlEngine | undefined {
  return engine;
}
