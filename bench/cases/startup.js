// Whole-process rows: `alloy-lint` started as a user starts it, each row paired in the same run
// with `node -e 0` (Node's own start-up, the floor), runs interleaved B A B A; each pair's ratio
// comes from adjacent runs. Three rounds; the row's ratio is the median round's (the median pair
// ratio of the round), `spread` the lowest and highest round. CPU time is shown beside.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateConfig } from '../generate.js';

const bin = fileURLToPath(new URL('../../packages/cli/bin/alloy-lint.cjs', import.meta.url));
const example = fileURLToPath(new URL('../../examples/k8s-logs.alloy', import.meta.url));
const preload = fileURLToPath(new URL('../support/proc-preload.cjs', import.meta.url));
const ROUNDS = 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One run of `node -r preload args`: wall ms (measured here), CPU ms and peak RSS (reported by
 * the preloaded exit hook, which both sides of a pair carry). Throws unless it exits with 0.
 */
function run(args, dir) {
  const out = join(dir, 'proc.json');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { encoding: 'utf8', env: { ...process.env, BENCH_PROC_OUT: out }, maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return { wallMs, ...JSON.parse(readFileSync(out, 'utf8')) };
}

/** `alloy-lint args` against `node -e 0`, alternating; each pair's ratio is taken from adjacent runs. */
function pairRow(name, args, dir, { pairs, limit }) {
  run([bin, ...args], dir);
  const walls = { a: [], b: [] };
  const rounds = [];
  const cpu = [];
  for (let round = 0; round < ROUNDS; round++) {
    const ratios = [];
    for (let i = 0; i < pairs; i++) {
      const b = run(['-e', '0'], dir);
      const a = run([bin, ...args], dir);
      walls.a.push(a.wallMs);
      walls.b.push(b.wallMs);
      ratios.push(a.wallMs / b.wallMs);
      cpu.push(a.cpuMs / b.cpuMs);
    }
    rounds.push(median(ratios));
  }
  const sorted = [...rounds].sort((x, y) => x - y);
  return {
    name,
    ms: median(walls.a),
    other: `CPU ${median(cpu).toFixed(2)}x`,
    baseline: 'node -e 0, same run, interleaved',
    baselineMs: median(walls.b),
    ratio: sorted[1],
    spread: [sorted[0], sorted[2]],
    limit,
  };
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
      pairRow('alloy-lint --version', ['--version'], dir, { pairs: 15, limit: 1.2 }),
      pairRow('alloy-lint fmt, 51-line file', ['fmt', example], dir, { pairs: 15, limit: 1.5 }),
      pairRow('alloy-lint check, 51-line file', ['check', example], dir, { pairs: 15, limit: 2 }),
      pairRow('alloy-lint check, 10k-line file', ['check', big], dir, { pairs: 5 }),
    ];
    const size = Buffer.byteLength(hugeText);
    const rss = median([0, 1, 2].map(() => run([bin, 'check', huge], dir).rss));
    const floor = median([0, 1, 2].map(() => run(['-e', '0'], dir).rss));
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
