// Small timing helpers for `npm run bench`: medians of repeated runs, ratios taken in the same run.
import { performance } from 'node:perf_hooks';

/** Median milliseconds of `fn` over at least `minRuns` runs and `minMs` total time, after warm-up. */
export function measure(fn, { minRuns = 10, minMs = 1000, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const begin = performance.now();
  while (times.length < minRuns || performance.now() - begin < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    if (times.length >= 1000) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Runs `a` and `b` alternately and returns both medians, so drift affects both alike. */
export function measurePair(a, b, opts = {}) {
  const rounds = opts.rounds ?? 5;
  const as = [];
  const bs = [];
  for (let i = 0; i < rounds; i++) {
    // A full collection between batches, so one function's garbage is not billed to the other.
    globalThis.gc?.();
    as.push(measure(a, { ...opts, minMs: (opts.minMs ?? 1000) / rounds }));
    globalThis.gc?.();
    bs.push(measure(b, { ...opts, minMs: (opts.minMs ?? 1000) / rounds }));
  }
  const med = (x) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)];
  return { a: med(as), b: med(bs) };
}

/**
 * Times two functions of a case module, each in a fresh process, alternating A B A B so
 * that drift affects both alike and neither inherits the other's heap. The module exports
 * `fns = { name: () => void }`; returns the median of each process's median.
 */
export async function isolatedPair(caseFile, a, b, { rounds = 3, minMs = 1500 } = {}) {
  const { spawnSync } = await import('node:child_process');
  const runner = new URL('./run-fn.js', import.meta.url).pathname;
  const one = (name) => {
    const r = spawnSync(process.execPath, [runner, caseFile, name, String(minMs)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench ${caseFile} ${name}: ${r.stderr}`);
    return Number(r.stdout);
  };
  const as = [];
  const bs = [];
  for (let i = 0; i < rounds; i++) {
    as.push(one(a));
    bs.push(one(b));
  }
  const med = (x) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)];
  return { a: med(as), b: med(bs) };
}
