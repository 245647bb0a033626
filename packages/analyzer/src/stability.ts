import { STABILITY_RANK, type Stability } from './schema.js';

/** Alloy's feature-gate message when `stability` is below `min`, else undefined. */
export function stabilityError(stability: Stability, min: Stability, feature: string): string | undefined {
  if (STABILITY_RANK[stability] >= STABILITY_RANK[min]) return undefined;
  return (
    `${feature} is at stability level "${stability}", which is below the minimum allowed stability level "${min}". ` +
    `Use --stability.level command-line flag to enable "${stability}" features`
  );
}
