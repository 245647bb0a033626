// Prometheus samples moving between components through `storage.Appendable`s.

import type { Labels } from '../samples.js';
import type { ItemTrail } from '../otel/journey.js';

export const APPENDABLE_TYPE = 'storage.Appendable';

export interface PromSample {
  /** Every label, `__name__` included. */
  labels: Labels;
  value: number;
  /** Milliseconds since the epoch. */
  t: number;
  _j?: ItemTrail;
}

/** Family metadata (TYPE, HELP, UNIT) by metric family name. */
export interface PromMetadata {
  type: string;
  help: string;
  unit?: string;
}

export interface PromBatch {
  samples: PromSample[];
  metadata: Map<string, PromMetadata>;
}

export function cloneSamples(b: PromBatch): PromBatch {
  return { metadata: b.metadata, samples: b.samples.map((s) => ({ ...s, labels: { ...s.labels }, ...(s._j ? { _j: { ...s._j, steps: [...s._j.steps] } } : {}) })) };
}
