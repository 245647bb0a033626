import type { GraphModel } from './model.js';

/** The model as indented JSON text (the `json` output format). */
export function toJson(model: GraphModel): string {
  return JSON.stringify(model, null, 2) + '\n';
}
