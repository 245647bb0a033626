// Seeds for property tests: every property test takes its fast-check parameters from here, so
// each run prints the seed it used and any run can be replayed.
//   ALLOY_LINT_SEED=123 npx vitest run packages/values/test/property.test.ts
// `node scripts/property-seeds.js 50` runs every property test under 50 different seeds.

const fromEnv = typeof process !== 'undefined' ? process.env.ALLOY_LINT_SEED : undefined;

/** The seed of this run: `ALLOY_LINT_SEED` when set, otherwise a fresh one. */
export const SEED: number = fromEnv !== undefined && fromEnv !== '' ? parseSeed(fromEnv) : (Math.random() * 2 ** 31) | 0;

function parseSeed(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`ALLOY_LINT_SEED must be an integer, got ${JSON.stringify(text)}`);
  return n | 0;
}

const printed = new Set<string>();

/**
 * fast-check parameters for one property: the run's seed, printed once per test file with the
 * command that replays it. fast-check adds the seed (and the shrunk counterexample) to a failure.
 */
export function property(file: string, numRuns: number): { seed: number; numRuns: number } {
  if (!printed.has(file)) {
    printed.add(file);
    console.log(`${file}: property seed ${SEED} (replay: ALLOY_LINT_SEED=${SEED} npx vitest run ${file})`);
  }
  return { seed: SEED, numRuns };
}
