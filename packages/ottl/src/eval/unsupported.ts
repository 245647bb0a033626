import { OttlRuntimeError } from './values.js';

/** A function known to OTTL that this evaluator does not implement. */
export class OttlUnsupported extends OttlRuntimeError {
  constructor(readonly fn: string) {
    super(`unsupported OTTL function ${fn}: not simulated`);
  }
}
