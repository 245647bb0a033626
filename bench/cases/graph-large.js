// `alloy-lint graph` of a 1 MB config end to end (process start to exit, peak memory), against
// `alloy-lint check` of the same file in the same run. Goal (issue 18): under 5 s and 500 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateConfig } from '../generate.js';

const LINES = 41_000;
const child = fileURLToPath(new URL('../cli-child.js', import.meta.url));

function cli(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=2048', child, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const last = r.stderr.trim().split('\n').pop();
  if (r.status !== 0 || !last?.startsWith('{')) throw new Error(`alloy-lint ${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
  return { ms, mb: JSON.parse(last).maxRSS / 1024, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function graphLargeRows() {
  const dir = mkdtempSync(join(tmpdir(), 'alloy-lint-bench-'));
  try {
    const text = generateConfig(LINES);
    const file = join(dir, 'big.alloy');
    writeFileSync(file, text);
    const graph = [];
    const check = [];
    let note = '';
    // Alternating, so that drift on a shared machine affects both alike.
    for (let i = 0; i < 3; i++) {
      const g = cli(['graph', '-o', join(dir, 'big.svg'), file]);
      note = /note: ([\d,]+ nodes and clusters, [\d,]+ edges)/.exec(g.stderr)?.[1] ?? 'ELK layout';
      graph.push(g);
      check.push(cli(['check', file]));
    }
    const ms = median(graph.map((g) => g.ms));
    const mb = Math.max(...graph.map((g) => g.mb));
    const baselineMs = median(check.map((c) => c.ms));
    return {
      context: { bytes: text.length, lines: LINES, graph: note, peakMb: graph.map((g) => Math.round(g.mb)), checkPeakMb: check.map((c) => Math.round(c.mb)) },
      rows: [
        {
          name: `alloy-lint graph (SVG) of a ${(text.length / 1e6).toFixed(1)} MB config (${note}), process start to exit; goal < 5,000 ms and < 500 MB peak`,
          ms,
          perSecond: mb,
          unit: 'MB peak',
          baseline: 'alloy-lint check of the same file (own process)',
          baselineMs,
          ratio: ms / baselineMs,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
