// Every function the evaluator implements, by name.
import { CONVERTERS } from './converters.js';
import { EDITORS } from './editors.js';
import type { Impl } from './fn-types.js';
import { METRIC_FUNCTIONS } from './metric-functions.js';

export type { Arg, Env, Impl } from './fn-types.js';

export const IMPLS: Record<string, Impl> = { ...EDITORS, ...CONVERTERS, ...METRIC_FUNCTIONS };
