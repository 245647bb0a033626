// Whole-process rows: `alloy-lint` started as a user starts it, each row paired in the same run
// with `node -e 0` (Node's own start-up, the floor), runs interleaved A B A B. Three rounds;
// the row's ratio is the median round's, `spread` the lowest and highest round.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateConfig } from '../generate.js';

const bin = fileURLToPath(new URL('../../packages/cli/bin/alloy-lint.cjs', import.meta.url));
const example = fileURLToPath(new URL('../../examples/k8s-logs.alloy', import.meta.url));
const preload = fileURLToPath(new URL('../support/rss-preload.cjs', import.meta.url));
const ROUNDS = 3;

/** Wall milliseconds of one run; throws unless it exits with `code`. */
function timed(args, code = 0, env = process.env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== code) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function pairRow(name, args, { pairs, limit }) {
  timed([bin, ...args]);
  const as = [];
  const bs = [];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = [];
    const b = [];
    for (let i = 0; i < pairs; i++) {
      b.push(timed(['-e', '0']));
      a.push(timed([bin, ...args]));
    }
    as.push(...a);
    bs.push(...b);
    ratios.push(median(a) / median(b));
  }
  const ms = median(as);
  const sorted = [...ratios].sort((x, y) => x - y);
  return { name, ms, baseline: 'node -e 0 (same run, interleaved)', baselineMs: median(bs), ratio: sorted[1], spread: [sorted[0], sorted[2]], limit };
}

/** Peak RSS (bytes) of `node args`, read through a preloaded exit hook. */
function peakRss(args, dir) {
  const out = join(dir, 'rss');
  timed(['-r', preload, ...args], 0, { ...process.env, BENCH_RSS_OUT: out });
  return Number(readFileSync(out, 'utf8')) * 1024;
}

export default async function startupRows() {
  const dir = mkdtempSync(join(tmpdir(), 'alloy-bench-'));
  try {
    const big = join(dir, 'big.alloy');
    writeFileSync(big, generateConfig(10000));
    const huge = join(dir, 'huge.alloy');
    const hugeText = generateConfig(100000);
    writeFileSync(huge, hugeText);
    const rows = [
      pairRow('alloy-lint --version', ['--version'], { pairs: 15, limit: 1.2 }),
      pairRow('alloy-lint fmt, 51-line file', ['fmt', example], { pairs: 15, limit: 1.5 }),
      pairRow('alloy-lint check, 51-line file', ['check', example], { pairs: 15, limit: 2 }),
      pairRow('alloy-lint check, 10k-line file', ['check', big], { pairs: 5 }),
    ];
    const size = Buffer.byteLength(hugeText);
    const rss = median([0, 1, 2].map(() => peakRss([bin, 'check', huge], dir)));
    const floor = median([0, 1, 2].map(() => peakRss(['-e', '0'], dir)));
    rows.push({
      name: `peak RSS of alloy-lint check, 100k-line file (${(size / 1e6).toFixed(1)} MB): ${(rss / 1e6).toFixed(0)} MB, node -e 0 ${(floor / 1e6).toFixed(0)} MB`,
      baseline: 'RSS above node -e 0, per input byte',
      ratio: (rss - floor) / size,
    });
    return { rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
